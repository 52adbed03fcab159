import fs from 'node:fs';
import path from 'node:path';
import type { SourceDocument } from '../../src/read/document';
import { extract, type Extraction } from '../../src/extract';

export const ROOT = path.resolve(__dirname, '../../../..');

/** A document from one or more real sentences, as an article would hold them. */
export function doc(text: string, published?: string, id = 'test'): SourceDocument {
  return { id, title: '', source: `${id}.txt`, text, ...(published ? { published } : {}) };
}

/** A seed article of data/seeds, with its publication date from meta.json. */
export function seed(prefix: string): SourceDocument {
  const dir = path.join(ROOT, 'data/seeds');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'))[file] ?? {};
  return { id: file, title: '', source: file, text: fs.readFileSync(path.join(dir, file), 'utf8'), ...(meta.published ? { published: meta.published } : {}) };
}

export const nameOf = (x: Extraction, ref: string) => x.actors.find((a) => a.ref === ref)?.name ?? ref;
export const persons = (x: Extraction) => x.actors.filter((a) => a.kind === 'person').map((a) => a.name).sort();
export const meetingsOf = (x: Extraction) =>
  x.meetings.map((m) => ({ ...m, who: m.participants.map((p) => nameOf(x, p.ref)).sort() }));
export const positionsOf = (x: Extraction) => x.positions.map((p) => ({ ...p, who: nameOf(x, p.holder) }));
export { extract };

/** An article of data/dev as kg reads it (its url/published header, meta.json beside it). */
export async function devArticle(file: string): Promise<SourceDocument> {
  const { readArticles } = await import('../../src/read');
  for await (const ev of readArticles([path.join(ROOT, 'data/dev', file)])) if (ev.kind === 'article') return ev.doc;
  throw new Error(`data/dev/${file} gave no article`);
}
