import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeGraphJson } from '@kg/export';
import { once } from 'node:events';
import { dateOption, intOption, parse, UsageError } from '../args';
import { formatExplanation } from '../explain';
import { extractGraph } from '../extract-graph';
import { Progress } from '../progress';
import { RunReport } from '../report';

export const EXTRACT_USAGE = `kg extract PATH… [--out graph.json] [--explain] [--published YYYY-MM-DD]
  Extracts actors, meetings and positions with no database and writes the
  graph file (graphology JSON, the graph-schema export format).
  --out FILE        where to write the graph (default: standard output)
  --explain         print, sentence by sentence, what was found and by which rule
  --published DATE  publication date for articles that give none
  --max-article-size BYTES   refuse single articles larger than this (default 5 MB)`;

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    explain: { type: 'boolean' },
    published: { type: 'string' },
    'max-article-size': { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('kg extract needs at least one file or folder');
  const progress = new Progress('extracting');
  const report = new RunReport(progress);
  const explainOut = values.explain ? (values.out ? process.stdout : process.stderr) : undefined;
  const graph = await extractGraph(
    positionals,
    {
      published: dateOption(values.published, 'published'),
      maxArticleBytes: intOption(values['max-article-size'], 'max-article-size', 5 * 1024 * 1024),
    },
    report,
    explainOut && ((x) => explainOut.write(`${formatExplanation(x)}\n\n`)),
  );
  progress.done();
  if (values.out && values.out !== '-') {
    await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
    const file = createWriteStream(values.out);
    await writeGraphJson(graph, file);
    file.end();
    await once(file, 'finish');
  } else await writeGraphJson(graph, process.stdout);
  const count = (label: string) => graph.filterNodes((_, a) => a.label === label).length;
  process.stderr.write(
    `${report.summaryLine()}\n` +
      `graph: ${count('Actor')} actors, ${count('Meeting')} meetings, ${count('Position')} positions, ` +
      `${graph.order} nodes and ${graph.size} relationships${values.out && values.out !== '-' ? ` written to ${values.out}` : ''}\n`,
  );
  return report.failed ? 1 : 0;
}
