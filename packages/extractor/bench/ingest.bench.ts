/**
 * npm run bench:ingest [-- N…] [--corpus-only]   (default: 1000 10000)
 *
 * For each N: builds a corpus of N articles by recombining real sentences of
 * the seeds and the dev articles (seeded PRNG, varied publication dates),
 * streamed as JSONL to .kg/bench/corpus-N.jsonl; starts a fresh local Neo4j
 * of its own (.kg/bench/neo4j, port 7711); runs `kg ingest FILE --workers W`
 * as a child process, sampling its peak RSS (VmHWM in /proc/PID/status);
 * then the same for a re-ingest (which must write nothing); then compares the
 * batched writer with a naive one (one MERGE per node and relationship, one
 * transaction each) on the same extracted batches of a subset.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect, applySchema, localConfig, type Connection } from '@kg/neo4j';
import { graphCounts, resetDatabase } from '@kg/neo4j/testing';
import { REL_DISCRIMINATOR, type GraphBatch } from '@kg/graph-schema';
import { extract } from '../src/extract';
import { readArticles, type SourceDocument } from '../src/read';
import { buildCorpus } from './corpus';
import { Resolver } from '../src/resolve';
import { DEFAULT_BATCH_ARTICLES } from '../src/ingest';
import { WriteCache, writeArticles } from '../src/write/neo4j-writer';

const ROOT = path.resolve(__dirname, '../../..');
const BENCH = path.join(ROOT, '.kg/bench');
const PORT = Number(process.env.KG_BENCH_NEO4J_PORT ?? 7711);
const WORKERS = Number(process.env.KG_BENCH_WORKERS ?? os.availableParallelism());
const NAIVE_SUBSET = Number(process.env.KG_BENCH_NAIVE_SUBSET ?? 500);
// The bench's own Neo4j gets more heap than the default 1 GB (the page cache is fixed at 256 MB by the launcher).
process.env.KG_NEO4J_JAVA_OPTS ??= '-Xms2g -Xmx4g';

// -- the ingest child process ---------------------------------------------------------------------

interface Run {
  secs: number;
  /** CPU seconds (user + system, all threads) of the ingest process, and of Neo4j meanwhile. */
  cpuSecs: number;
  neo4jCpuSecs: number;
  peakRssMb: number;
  exitCode: number | null;
  stderr: string;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of a process, in seconds (clock ticks of 1/100 s). */
function cpuSecs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

async function runIngest(file: string, uri: string, passwordFile: string, neo4jPid: number): Promise<Run> {
  const t0 = performance.now();
  const neoCpu0 = cpuSecs(neo4jPid);
  const child = spawn(process.execPath, [path.join(ROOT, 'packages/extractor/bin/kg.cjs'), 'ingest', file, '--workers', String(WORKERS)], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD_FILE: passwordFile, CI: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  let peak = 0;
  let cpu = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, vmHwmKb(child.pid!));
    cpu = Math.max(cpu, cpuSecs(child.pid!));
  }, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  return { secs: (performance.now() - t0) / 1000, cpuSecs: cpu, neo4jCpuSecs: cpuSecs(neo4jPid) - neoCpu0, peakRssMb: peak / 1024, exitCode: code, stderr };
}

// -- the naive writer, for comparison ----------------------------------------------------------------

/** What a user writes first: one MERGE per node and per relationship, each in its own transaction. */
async function naiveWrite(conn: Connection, batches: readonly GraphBatch[]): Promise<number> {
  const session = conn.driver.session({ database: conn.database });
  let statements = 0;
  try {
    for (const b of batches) {
      for (const n of b.nodes) {
        await session.executeWrite((tx) => tx.run(`MERGE (n:${n.label} {id: $id}) SET n += $props`, { id: n.props.id, props: n.props }));
        statements++;
      }
      for (const r of b.rels) {
        const disc = REL_DISCRIMINATOR[r.type];
        const cypher = `MATCH (a:${r.from.label} {id: $from}) MATCH (b:${r.to.label} {id: $to})
MERGE (a)-[r:${r.type}${disc ? ` {${disc}: $props.${disc}}` : ''}]->(b) SET r += $props`;
        await session.executeWrite((tx) => tx.run(cypher, { from: r.from.id, to: r.to.id, props: r.props }));
        statements++;
      }
    }
  } finally {
    await session.close();
  }
  return statements;
}

async function compareWriters(conn: Connection, file: string, subset: number) {
  const docs: SourceDocument[] = [];
  for await (const ev of readArticles([file])) {
    if (ev.kind === 'article') docs.push(ev.doc);
    if (docs.length >= subset) break;
  }
  const resolver = new Resolver();
  const batches = docs.map((d) => resolver.resolve(extract(d)));
  await resetDatabase(conn);
  let t = performance.now();
  const cache = new WriteCache();
  for (let i = 0; i < batches.length; i += DEFAULT_BATCH_ARTICLES) await writeArticles(conn, batches.slice(i, i + DEFAULT_BATCH_ARTICLES), cache);
  const batched = (performance.now() - t) / 1000;
  const counts = await graphCounts(conn);
  await resetDatabase(conn);
  t = performance.now();
  await naiveWrite(conn, batches);
  const naive = (performance.now() - t) / 1000;
  const naiveCounts = await graphCounts(conn);
  if (naiveCounts.nodes !== counts.nodes || naiveCounts.relationships !== counts.relationships)
    console.warn(`  note: naive writer graph ${naiveCounts.nodes}/${naiveCounts.relationships} vs batched ${counts.nodes}/${counts.relationships}`);
  return { articles: docs.length, batched, naive, ratio: naive / batched, written: counts.nodes + counts.relationships };
}

// -- main --------------------------------------------------------------------------------------------

const summary = (stderr: string) => stderr.split('\n').filter((l) => /articles? written|nodes:|error|interrupted/.test(l)).join(' | ');

async function main() {
  const ns = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const sizes = ns.length ? ns : [1000, 10000];
  await fs.mkdir(BENCH, { recursive: true });
  if (process.argv.includes('--corpus-only')) {
    for (const n of sizes) await buildCorpus(n, path.join(BENCH, `corpus-${n}.jsonl`));
    return;
  }
  const { startNeo4j } = await import(pathToFileURL(path.join(ROOT, 'tools/neo4j-local/neo4j-local.mjs')).href);
  const rows: string[] = [];
  const cpus = os.cpus();
  console.log(`machine: ${os.availableParallelism()} cores (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; workers ${WORKERS}; Neo4j JVM ${process.env.KG_NEO4J_JAVA_OPTS}`);
  for (const n of sizes) {
    const file = path.join(BENCH, `corpus-${n}.jsonl`);
    let t = performance.now();
    await buildCorpus(n, file);
    console.log(`\nN = ${n}: corpus ${path.relative(ROOT, file)} (${((await fs.stat(file)).size / 2 ** 20).toFixed(1)} MB, ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const neo = await startNeo4j({ home: path.join(BENCH, 'neo4j'), port: PORT, fresh: true, log: () => {} });
    const conn = await connect(localConfig(neo));
    try {
      await applySchema(conn);
      const first = await runIngest(file, neo.uri, neo.passwordFile, neo.pid);
      console.log(`  ingest:    ${summary(first.stderr)}`);
      if (first.exitCode !== 0) throw new Error(`ingest exited with ${first.exitCode}:\n${first.stderr.slice(-2000)}`);
      const counts = await graphCounts(conn);
      const written = counts.nodes + counts.relationships;
      const again = await runIngest(file, neo.uri, neo.passwordFile, neo.pid);
      console.log(`  re-ingest: ${summary(again.stderr)}`);
      const countsAgain = await graphCounts(conn);
      if (JSON.stringify(countsAgain) !== JSON.stringify(counts)) throw new Error('re-ingest changed the graph');
      if (again.exitCode !== 0) throw new Error(`re-ingest exited with ${again.exitCode}`);
      const subset = Math.min(n, NAIVE_SUBSET);
      t = performance.now();
      const cmp = await compareWriters(conn, file, subset);
      const r = {
        n,
        secs: first.secs,
        articlesPerSec: n / first.secs,
        nodes: counts.nodes,
        relationships: counts.relationships,
        writtenPerSec: written / first.secs,
        peakRssMb: first.peakRssMb,
        cpuSecs: first.cpuSecs,
        neo4jCpuSecs: first.neo4jCpuSecs,
        loadAvg: os.loadavg(),
        reSecs: again.secs,
        reArticlesPerSec: n / again.secs,
        rePeakRssMb: again.peakRssMb,
        speedup: first.secs / again.secs,
        naive: cmp,
      };
      console.log(
        `  first ingest ${r.secs.toFixed(1)} s = ${r.articlesPerSec.toFixed(0)} articles/s, ${r.nodes} nodes + ${r.relationships} rels = ${r.writtenPerSec.toFixed(0)}/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
      console.log(
        `  CPU: ingest process ${r.cpuSecs.toFixed(0)} s, Neo4j ${r.neo4jCpuSecs.toFixed(0)} s → ${((r.cpuSecs + r.neo4jCpuSecs) / n * 1000).toFixed(1)} ms CPU per article (load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`,
      );
      console.log(`  re-ingest    ${r.reSecs.toFixed(1)} s = ${r.reArticlesPerSec.toFixed(0)} articles/s (${r.speedup.toFixed(1)}× faster), peak RSS ${r.rePeakRssMb.toFixed(0)} MB, nothing written`);
      console.log(
        `  writers on the first ${cmp.articles} articles (${cmp.written} nodes+rels, into an empty database): batched ${cmp.batched.toFixed(1)} s, naive ${cmp.naive.toFixed(1)} s → ${cmp.ratio.toFixed(1)}×`,
      );
      await fs.writeFile(path.join(BENCH, `result-${n}.json`), JSON.stringify(r, null, 2));
      rows.push(
        `| ${n.toLocaleString('en')} | ${r.secs.toFixed(1)} s | ${r.articlesPerSec.toFixed(0)} | ${r.writtenPerSec.toFixed(0)} (${r.nodes.toLocaleString('en')} nodes, ${r.relationships.toLocaleString('en')} rels) | ${r.peakRssMb.toFixed(0)} MB | ${r.cpuSecs.toFixed(0)} s + ${r.neo4jCpuSecs.toFixed(0)} s | ${r.reSecs.toFixed(1)} s (${r.speedup.toFixed(1)}×), ${r.rePeakRssMb.toFixed(0)} MB | ${cmp.ratio.toFixed(1)}× (first ${cmp.articles}) |`,
      );
    } finally {
      await conn.close();
      await neo.stop();
    }
  }
  console.log('\n| N | ingest | articles/s | nodes+rels/s | peak RSS | CPU (kg + Neo4j) | re-ingest (speed-up), peak RSS | batched vs naive writer |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
