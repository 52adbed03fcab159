import { UsageError } from './args';
import { EXTRACT_USAGE, extractCommand } from './commands/extract';
import { INGEST_USAGE, ingestCommand } from './commands/ingest';
import { QUERY_USAGE, queryCommand } from './commands/query';
import { EXPORT_USAGE, exportCommand } from './commands/export';
import { EVAL_USAGE, evalCommand } from './commands/eval';
import { CURATE_USAGE, curateCommand } from './commands/curate';
import { VIEW_USAGE, viewCommand } from '@kg/viewer';

type Command = { usage: string; run: (argv: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  ingest: { usage: INGEST_USAGE, run: ingestCommand },
  extract: { usage: EXTRACT_USAGE, run: extractCommand },
  query: { usage: QUERY_USAGE, run: queryCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  eval: { usage: EVAL_USAGE, run: evalCommand },
  curate: { usage: CURATE_USAGE, run: curateCommand },
  view: { usage: VIEW_USAGE, run: (argv) => viewCommand(argv) },
};

const usage = () =>
  `kg: a knowledge graph of who met whom and who holds which position, from news articles\n\n${Object.values(COMMANDS)
    .map((c) => c.usage)
    .join('\n\n')}\n`;

/** Runs one CLI command; returns the exit code (0 ok, 1 some input or the database failed, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`kg: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kg ${name}: ${e.message}\n\n${cmd.usage}\n`);
      return 2;
    }
    process.stderr.write(`kg ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}
