import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GOLD_FILE_SUFFIX, GoldFile } from '@kg/graph-schema';
import { describeFsError } from '../read/discover';
import type { InputProblem } from '../read';
import { fieldName, parseJsonSource } from './json-source';

export interface LoadedGold {
  /** File name within the folder: unnamed meetings are keyed by it, and missed positions name it. */
  name: string;
  gold: GoldFile;
}

export interface GoldFolder {
  dir: string;
  files: LoadedGold[];
  /** Malformed or unreadable gold files, left out of the score. */
  skipped: number;
  errors: InputProblem[];
  /** Suspicious but usable: the file still counts. */
  warnings: InputProblem[];
}

/** At most this many problems are reported for one file: the first few locate the damage. */
const MAX_ISSUES_PER_FILE = 5;

/** Lists the `*.gold.json` of a folder, in name order; throws when the folder cannot be read. */
export async function listGoldFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((f) => f.endsWith(GOLD_FILE_SUFFIX)).sort();
}

/**
 * Reads every gold file of a folder. A malformed file is reported with its
 * line and field and left out; the others still count.
 */
export async function loadGoldFolder(dir: string, names: readonly string[]): Promise<GoldFolder> {
  const out: GoldFolder = { dir, files: [], skipped: 0, errors: [], warnings: [] };
  for (const name of names) {
    const file = path.join(dir, name);
    const loaded = await loadGoldFile(file);
    if ('errors' in loaded) {
      out.skipped++;
      out.errors.push(...loaded.errors);
      continue;
    }
    out.files.push({ name, gold: loaded.gold });
    out.warnings.push(...unknownActorRefs(file, loaded.gold, loaded.lineOf));
  }
  return out;
}

type Loaded = { gold: GoldFile; lineOf: (p: readonly PropertyKey[]) => number } | { errors: InputProblem[] };

async function loadGoldFile(file: string): Promise<Loaded> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { errors: [{ path: file, message: describeFsError(e) }] };
  }
  const src = parseJsonSource(text);
  if (!src.ok) return { errors: [{ path: file, line: src.line, message: `not valid JSON: ${src.message}` }] };
  const parsed = GoldFile.safeParse(src.value);
  if (parsed.success) return { gold: parsed.data, lineOf: src.lineOf };
  return {
    errors: parsed.error.issues.slice(0, MAX_ISSUES_PER_FILE).map((i) => ({
      path: file,
      line: src.lineOf(i.path),
      message: `${fieldName(i.path) || 'the file'}: ${i.message}`,
    })),
  };
}

/**
 * Ids used in meetings and positions but not listed among the file's actors:
 * usually a typo that silently turns a participant into someone nobody can
 * match. The file still counts (the id may be an actor of another file).
 */
function unknownActorRefs(file: string, g: GoldFile, lineOf: (p: readonly PropertyKey[]) => number): InputProblem[] {
  const ids = new Set(g.actors.map((a) => a.id));
  const refs: { id: string; at: PropertyKey[] }[] = [
    ...g.meetings.flatMap((m, i) => [
      ...m.participants.map((id, j) => ({ id, at: ['meetings', i, 'participants', j] })),
      ...(m.optional ?? []).map((id, j) => ({ id, at: ['meetings', i, 'optional', j] })),
    ]),
    ...g.positions.map((p, i) => ({ id: p.holder, at: ['positions', i, 'holder'] })),
  ];
  return refs
    .filter((r) => !ids.has(r.id))
    .map((r) => ({ path: file, line: lineOf(r.at), message: `${fieldName(r.at)}: "${r.id}" is not one of this file's actors` }));
}
