/**
 * Extraction speed and memory: repeats the dev articles into a corpus of at
 * least 5 MB, written to a temporary JSONL file and read back one line at a
 * time (the corpus is never held in memory), runs every article through
 * `extract` and one `Resolver`, and prints articles/s, MB/s and peak memory
 * at a few corpus sizes, to show that memory stays flat.
 *
 *   npm run bench:extract [-- --mb 5 --dir data/dev]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { extract } from '../src/extract';
import { splitTxtHeader } from '../src/read/header';
import { Resolver } from '../src/resolve';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const ROOT = path.resolve(__dirname, '../../..');
const dir = path.resolve(ROOT, arg('dir', 'data/dev'));
const targetMb = Number(arg('mb', '5'));

async function main() {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new Error(`no .txt articles in ${dir}`);
  const articles = files.map((f) => {
    const { meta, body } = splitTxtHeader(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    return { meta, body };
  });
  // 1. the corpus, streamed to a temporary JSONL file; each copy differs by a marker so ids differ
  const tmp = path.join(os.tmpdir(), `kg-extract-bench-${process.pid}.jsonl`);
  const out = fs.createWriteStream(tmp);
  let bytes = 0;
  let n = 0;
  while (bytes < targetMb * 1024 * 1024) {
    const a = articles[n % articles.length]!;
    const text = `${a.body}\n\n(copy ${n})\n`;
    const line = `${JSON.stringify({ id: `bench-${n}`, text, published: a.meta.published ?? null })}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    bytes += Buffer.byteLength(text);
    n++;
  }
  await new Promise<void>((r) => out.end(r));
  // 2. extraction + resolution, one article at a time
  const resolver = new Resolver();
  const rl = readline.createInterface({ input: fs.createReadStream(tmp), crlfDelay: Infinity });
  const marks = [0.25, 0.5, 0.75, 1].map((f) => Math.round(f * n));
  let peakRss = 0;
  let peakHeap = 0;
  let done = 0;
  let doneBytes = 0;
  let facts = 0;
  const t0 = process.hrtime.bigint();
  // CPU time of this process as well as wall time: on a busy machine wall time says little
  const c0 = process.cpuUsage();
  const cpuS = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  console.log(`corpus: ${n} articles, ${(bytes / 1048576).toFixed(2)} MB of text (${files.length} dev articles repeated), ${tmp}`);
  console.log('articles      MB   articles/s    MB/s  cpu MB/s   rss MB  heap MB  (peaks so far)');
  for await (const line of rl) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; text: string; published: string | null };
    const x = extract({ id: r.id, title: '', source: `bench:${done + 1}`, text: r.text, ...(r.published ? { published: r.published } : {}) });
    const batch = resolver.resolve(x);
    facts += batch.nodes.length + batch.rels.length;
    done++;
    doneBytes += Buffer.byteLength(r.text);
    if (done % 50 === 0 || marks.includes(done)) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
    if (marks.includes(done)) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(
        `${String(done).padStart(8)} ${(doneBytes / 1048576).toFixed(2).padStart(7)} ${(done / s).toFixed(0).padStart(12)} ${(doneBytes / 1048576 / s).toFixed(2).padStart(7)} ${(doneBytes / 1048576 / cpuS()).toFixed(2).padStart(9)} ${(peakRss / 1048576).toFixed(0).padStart(8)} ${(peakHeap / 1048576).toFixed(0).padStart(8)}`,
      );
    }
  }
  fs.unlinkSync(tmp);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = cpuS();
  console.log(
    `total: ${done} articles in ${s.toFixed(2)} s (${cpu.toFixed(2)} s of CPU) — ${(done / s).toFixed(0)} articles/s, ${(doneBytes / 1048576 / s).toFixed(2)} MB/s on one core (${(doneBytes / 1048576 / cpu).toFixed(2)} MB/s of CPU time); ${facts} nodes+relationships produced`,
  );
  console.log('note: the Resolver keeps every actor and meeting it has seen (that is its job), so a little growth with the number of distinct meetings is expected; extraction itself keeps nothing.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
