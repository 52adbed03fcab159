import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GOLD_FILE_SUFFIX } from '@kg/graph-schema';
import type { InputProblem } from './document';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl', '.ndjson'] as const;

export type Found =
  | { kind: 'file'; path: string }
  | { kind: 'annotation'; path: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; problem: InputProblem };

const isArticleFile = (p: string) => (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(p).toLowerCase());
/** Gold annotations (`kg eval`) live beside their articles; they are never articles themselves. */
const isGoldFile = (p: string) => path.basename(p).endsWith(GOLD_FILE_SUFFIX);

/**
 * Expands the paths given on the command line into article files, in sorted
 * order so that every run sees the same sequence. Folders are walked
 * recursively; a symlinked folder seen before (a loop) is reported once and
 * not entered again. Files named explicitly are read whatever their ending,
 * except gold annotation files, which are set aside wherever they are found.
 */
export async function* discover(inputs: readonly string[]): AsyncGenerator<Found> {
  const seenDirs = new Set<string>();
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      yield { kind: 'failed', problem: { path: input, message: describeFsError(e) } };
      continue;
    }
    if (st.isDirectory()) yield* walk(input, seenDirs);
    else if (isGoldFile(input)) yield { kind: 'annotation', path: input };
    else yield { kind: 'file', path: input };
  }
}

async function* walk(dir: string, seenDirs: Set<string>): AsyncGenerator<Found> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    yield { kind: 'failed', problem: { path: dir, message: describeFsError(e) } };
    return;
  }
  if (seenDirs.has(real)) {
    yield { kind: 'skipped', path: dir, reason: `folder already read (symbolic link loop to ${real})` };
    return;
  }
  seenDirs.add(real);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'failed', problem: { path: dir, message: describeFsError(e) } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.name.startsWith('.')) continue;
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = (await fs.stat(p)).isDirectory();
      } catch (err) {
        yield { kind: 'failed', problem: { path: p, message: describeFsError(err) } };
        continue;
      }
    }
    if (isDir) yield* walk(p, seenDirs);
    else if (e.name === 'meta.json') continue; // sidecar metadata, read with the articles it describes
    else if (isGoldFile(p)) yield { kind: 'annotation', path: p };
    else if (isArticleFile(p)) yield { kind: 'file', path: p };
    else yield { kind: 'skipped', path: p, reason: `not an article format (${path.extname(p) || 'no extension'})` };
  }
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err.message ?? String(e);
  }
}
