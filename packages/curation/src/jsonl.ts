import { Correction } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import { sorted } from './active';
import { storeAndApply } from './curation';
import { CurationError } from './errors';
import { listCorrections } from './store';

/** Every correction as JSONL, one record a line, in the order they apply: a file to keep in git and share. */
export async function exportCorrections(conn: Connection): Promise<string> {
  const list = await listCorrections(conn);
  return list.map(({ undoneBy: _, ...c }) => JSON.stringify(c)).join('\n') + (list.length ? '\n' : '');
}

/** Parses a correction file; every bad line is reported with its number, and none is taken if one is bad. */
export function parseCorrections(text: string): Correction[] {
  const out: Correction[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      problems.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const res = Correction.safeParse(json);
    if (!res.success) {
      problems.push(`line ${i + 1}: not a correction (${res.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ')})`);
      return;
    }
    const c = res.data;
    if (c.op === 'merge' && 'label' in c.target && c.payload.drop === c.target.id) problems.push(`line ${i + 1}: cannot merge ${c.target.label} "${c.target.id}" with itself`);
    else if (c.op === 'merge' && typeof c.payload.drop !== 'string') problems.push(`line ${i + 1}: merge without payload.drop`);
    else out.push(c);
  });
  if (problems.length) throw new CurationError(`${problems.join('\n')}\nnothing was imported`);
  return out;
}

/**
 * Imports a correction file: all of it or, when a line is bad, none of it.
 * Records already in the database (same id) are left alone, so importing a
 * file twice changes nothing. Corrections whose nodes are not there yet are
 * kept and take effect when the articles are ingested.
 */
export async function importCorrections(conn: Connection, text: string): Promise<{ read: number; imported: number }> {
  const records = sorted(parseCorrections(text));
  const known = new Set([...(await listCorrections(conn)).map((c) => c.id), ...records.map((c) => c.id)]);
  records.forEach((c) => {
    if ((c.op === 'undo' || c.op === 'split') && 'correction' in c.target && !known.has(c.target.correction))
      throw new CurationError(`line ${lineOf(text, c.id)}: ${c.op} of an unknown correction "${c.target.correction}"\nnothing was imported`);
  });
  return { read: records.length, imported: await storeAndApply(conn, records) };
}

function lineOf(text: string, id: string): number {
  return text.split(/\r?\n/).findIndex((l) => l.includes(`"id":"${id}"`)) + 1;
}
