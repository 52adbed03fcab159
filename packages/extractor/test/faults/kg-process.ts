/**
 * Helpers for the fault tests: `kg ingest` as a real child process, and a
 * canonical dump of the whole graph to compare runs with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Connection } from '@kg/neo4j';
import { REPO } from '../helpers';

export const KG = `${REPO}/packages/extractor/bin/kg.cjs`;

export interface KgRun {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderr(): string;
}

export function startKg(args: string[], env: NodeJS.ProcessEnv): KgRun {
  const child = spawn(process.execPath, [KG, ...args], { cwd: REPO, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = once(child, 'close').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr }));
  return { child, done, stderr: () => stderr };
}

export const runKg = (args: string[], env: NodeJS.ProcessEnv) => startKg(args, env).done;

export async function cypher(conn: Connection, q: string, params = {}): Promise<Record<string, unknown>[]> {
  const s = conn.driver.session({ database: conn.database });
  try {
    return (await s.run(q, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
}

export const articleCount = async (conn: Connection) => Number((await cypher(conn, 'MATCH (a:Article) RETURN count(a) AS c'))[0]!.c);

/** Polls until the database holds at least n articles (the ingest is mid-way). */
export async function waitForArticles(conn: Connection, n: number, run: KgRun, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const c = await articleCount(conn).catch(() => 0);
    if (c >= n) return c;
    if (run.child.exitCode !== null) throw new Error(`kg ingest ended before ${n} articles were written:\n${run.stderr()}`);
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${n} articles`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Every node (labels, properties) and relationship (type, end ids, properties),
 * as sorted lines: two graphs are the same when their dumps are equal.
 */
export async function canonicalDump(conn: Connection): Promise<string[]> {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, norm(x)])) : v;
  const nodes = await cypher(conn, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await cypher(conn, 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
  return [
    ...nodes.map((n) => `N ${JSON.stringify(norm(n.labels))} ${JSON.stringify(norm(n.props))}`),
    ...rels.map((r) => `R ${r.type} ${r.from} -> ${r.to} ${JSON.stringify(norm(r.props))}`),
  ].sort();
}

/** Differences between two dumps, for a readable failure. */
export function dumpDiff(a: string[], b: string[]): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const onlyInFirst = [...ca].filter(([k, n]) => (cb.get(k) ?? 0) < n).map(([k]) => k);
  const onlyInSecond = [...cb].filter(([k, n]) => (ca.get(k) ?? 0) < n).map(([k]) => k);
  return { onlyInFirst: onlyInFirst.slice(0, 10), onlyInSecond: onlyInSecond.slice(0, 10) };
}

/**
 * A resumed run against an uninterrupted one: the same nodes with the same
 * properties and the same relationships, exactly. (The run that resumes
 * replays the articles already written through the resolver, so it knows
 * what the uninterrupted run knew at that point: src/ingest.ts.)
 */
export function expectSameGraph(dump: string[], reference: string[]): void {
  const nodes = (d: string[]) => d.filter((l) => l.startsWith('N '));
  const relTypes = (d: string[]) => d.filter((l) => l.startsWith('R ')).reduce((m, l) => m.set(l.split(' ')[1]!, (m.get(l.split(' ')[1]!) ?? 0) + 1), new Map<string, number>());
  expect(dumpDiff(nodes(dump), nodes(reference))).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  expect(Object.fromEntries(relTypes(dump))).toEqual(Object.fromEntries(relTypes(reference)));
  expect(dump.length).toBe(reference.length);
  expect(dumpDiff(dump, reference)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
}
