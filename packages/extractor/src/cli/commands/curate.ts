import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { applySchema, connect, displayUri, resolveNeo4j, type Connection } from '@kg/neo4j';
import { applyCorrection, CurationError, exportCorrections, importCorrections, listCorrections, suggest, type StoredCorrection } from '@kg/curation';
import type { Correction } from '@kg/graph-schema';
import { parse, UsageError } from '../args';
import { buildRequest, type CurateValues } from './curate-requests';

export const CURATE_USAGE = `kg curate OPERATION … [--by NAME] [--reason TEXT]
  Corrections to the graph that last: each is recorded in Neo4j (who, when,
  why), made at once, and made again on every later ingest.
  merge KEEP DROP                 two actors (or two meetings) that are one
  split MERGE-ID                  undo a merge: the dropped node comes back
  split MEETING --participants A,B [--into ID]   one meeting node that is two
  edit ID [--name N] [--kind K] [--role R]… [--affiliation A]   (meetings: --date --place --status --summary)
  reject ID [--article ARTICLE]   a wrong meeting, position or actor (only as that article reports it)
  reject FROM TO [--type T]       a wrong relationship: a participant (ACTOR MEETING), an affiliation (ACTOR ORG)
  add participant ACTOR MEETING [--role R]   |   add meeting --participants A,B [--date D] [--place P] [--status S]
  add position ACTOR --stance S --statement TEXT [--date D]   (all: --note TEXT, --sentence "source sentence")
  confirm ID | confirm FROM TO    mark a fact reviewed
  suggest [--accept ID | --dismiss ID]   likely duplicates; a dismissal is remembered
  undo ID                         undo any correction (ids as kg curate list shows them, or their start)
  list [--format json]            every correction: when, who, what, why
  export [--out FILE]             the corrections as JSONL (default: standard output)
  import FILE                     corrections from JSONL: all of it, or nothing when a line is bad
  IDs are node ids (Label:id when two labels share one). --by defaults to the OS user.`;

const OPTIONS = {
  by: { type: 'string' },
  reason: { type: 'string' },
  article: { type: 'string' },
  type: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  role: { type: 'string', multiple: true },
  affiliation: { type: 'string' },
  participants: { type: 'string' },
  into: { type: 'string' },
  date: { type: 'string' },
  place: { type: 'string' },
  status: { type: 'string' },
  mode: { type: 'string' },
  summary: { type: 'string' },
  stance: { type: 'string' },
  statement: { type: 'string' },
  note: { type: 'string' },
  sentence: { type: 'string' },
  accept: { type: 'string' },
  dismiss: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
} as const;

const OPERATIONS = ['merge', 'split', 'edit', 'reject', 'add', 'confirm', 'suggest', 'undo', 'list', 'export', 'import'];

export async function curateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  const [op, ...args] = positionals;
  if (!op || !OPERATIONS.includes(op)) throw new UsageError(op ? `unknown operation "${op}"` : `which operation? ${OPERATIONS.join(', ')}`);
  const v = { ...values, by: values.by ?? userInfo().username } as CurateValues & { format?: string; out?: string };
  const { config, local } = await resolveNeo4j({ log: (m) => process.stderr.write(`${m}\n`) });
  const conn = await connect(config);
  const where = `${displayUri(conn.uri)}${local ? ' (local)' : ''}`;
  try {
    await applySchema(conn);
    return await run(conn, op, args, v, where);
  } catch (e) {
    if (e instanceof CurationError) {
      process.stderr.write(`kg curate ${op}: ${e.message}\n${e.message.endsWith('nothing was imported') ? '' : 'nothing was changed\n'}`);
      return 1;
    }
    if ((e as Error).name === 'ZodError') {
      process.stderr.write(`kg curate ${op}: ${(e as Error).message}\nnothing was changed\n`);
      return 1;
    }
    throw e;
  } finally {
    await conn.close();
  }
}

async function run(conn: Connection, op: string, args: string[], v: CurateValues & { format?: string; out?: string }, where: string): Promise<number> {
  if (op === 'list') {
    const all = await listCorrections(conn);
    process.stdout.write(v.format === 'json' ? `${JSON.stringify(all, null, 2)}\n` : all.map(describe).join('\n') + (all.length ? '\n' : ''));
    process.stderr.write(`${all.length} correction${all.length === 1 ? '' : 's'} in ${where}\n`);
    return 0;
  }
  if (op === 'export') {
    const text = await exportCorrections(conn);
    if (v.out && v.out !== '-') await writeFile(v.out, text);
    else process.stdout.write(text);
    const n = text ? text.trimEnd().split('\n').length : 0;
    process.stderr.write(`${n} correction${n === 1 ? '' : 's'} exported${v.out && v.out !== '-' ? ` to ${v.out}` : ''} from ${where}\n`);
    return 0;
  }
  if (op === 'import') {
    if (args.length !== 1) throw new UsageError('import needs one JSONL file');
    let text: string;
    try {
      text = await readFile(args[0]!, 'utf8');
    } catch (e) {
      throw new CurationError(`cannot read ${args[0]}: ${(e as Error).message}`);
    }
    try {
      const r = await importCorrections(conn, text);
      process.stderr.write(`${r.read} corrections read from ${args[0]}, ${r.imported} new, ${r.read - r.imported} there already, into ${where}\n`);
      return 0;
    } catch (e) {
      if (e instanceof CurationError) throw new CurationError(`${args[0]}: ${e.message.replace(/\n(line )/g, `\n${args[0]}: $1`)}`);
      throw e;
    }
  }
  if (op === 'suggest' && !v.accept && !v.dismiss) {
    const all = await suggest(conn);
    if (v.format === 'json') process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    else for (const s of all) process.stdout.write(`${s.id}\n  keep ${s.keep.id} (${s.keep.name}), merge ${s.drop.id} (${s.drop.name}): ${s.reasons.join('; ')}\n`);
    process.stderr.write(`${all.length} suggestion${all.length === 1 ? '' : 's'} (kg curate suggest --accept ID merges, --dismiss ID sets one aside for good)\n`);
    return 0;
  }
  const c = await applyCorrection(conn, await buildRequest(conn, op, args, v));
  process.stdout.write(`${describe(c)}\n`);
  return 0;
}

/** One line per correction: id, time, author, what, why. */
export function describe(c: Correction | StoredCorrection): string {
  const t = c.target;
  const what =
    'correction' in t ? `${c.op} ${t.correction}` : 'suggestion' in t ? `${c.op} ${t.suggestion}` : 'label' in t ? `${c.op} ${t.label}:${t.id}` : `${c.op} ${t.type} ${t.from.id} -> ${t.to.id}`;
  const extra = c.op === 'merge' ? ` <- ${String(c.payload.drop)}` : c.op === 'edit' ? ` ${JSON.stringify(c.payload.set)}` : c.scope ? ` (as article ${c.scope} reports it)` : '';
  const undone = 'undoneBy' in c && c.undoneBy ? ` [undone by ${c.undoneBy.slice(0, 8)}]` : '';
  return `${c.id.slice(0, 8)}  ${c.at}  ${c.by}  ${what}${extra}${c.reason ? `  — ${c.reason}` : ''}${undone}`;
}
