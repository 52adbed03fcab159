/**
 * A synthetic corpus for the ingest benchmark and the fault tests: real
 * sentences of the seeds and the dev articles, recombined with a seeded PRNG
 * (the same n and seed give the same file), streamed as JSONL.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { readArticles } from '../src/read';
import { mulberry32 } from '@kg/export';

const ROOT = path.resolve(__dirname, '../../..');
export const SOURCES = [path.join(ROOT, 'data/seeds'), path.join(ROOT, 'data/dev')];

// the same seeded PRNG the exports use for layouts: one implementation
const prng = mulberry32;

export async function sentencePool(): Promise<string[][]> {
  const perArticle: string[][] = [];
  for await (const ev of readArticles(SOURCES)) {
    if (ev.kind !== 'article') continue;
    const sentences = ev.doc.text
      .split(/\n\s*\n/)
      .flatMap((p) => p.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/))
      .map((s) => s.trim())
      .filter((s) => s.length > 20);
    perArticle.push(sentences);
  }
  return perArticle;
}

/**
 * N articles, each 6–14 sentences drawn mostly from one source article (so
 * who-met-whom keeps its context) with a few from others, shuffled; dates
 * spread over two years, so relative dates ("on Tuesday") land on varied days.
 */
export async function buildCorpus(n: number, file: string, seed = 0x6b67 + n): Promise<void> {
  if (existsSync(`${file}.done`)) return;
  const pool = await sentencePool();
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out = createWriteStream(file);
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const home = pick(pool);
    const k = 6 + Math.floor(rnd() * 9);
    const sentences: string[] = [];
    for (let j = 0; j < k; j++) sentences.push(rnd() < 0.7 ? pick(home) : pick(pick(pool)));
    for (let j = sentences.length - 1; j > 0; j--) {
      const m = Math.floor(rnd() * (j + 1));
      [sentences[j], sentences[m]] = [sentences[m]!, sentences[j]!];
    }
    const paragraphs: string[] = [];
    for (let j = 0; j < sentences.length; j += 3) paragraphs.push(sentences.slice(j, j + 3).join(' '));
    const published = new Date(start + Math.floor(rnd() * 730) * 86400000).toISOString().slice(0, 10);
    const line = JSON.stringify({ title: `Bench ${i}: ${sentences[0]!.slice(0, 60)}`, published, publisher: 'bench', text: paragraphs.join('\n\n') });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await fs.writeFile(`${file}.done`, '');
}

