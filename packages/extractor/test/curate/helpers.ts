import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { REPO } from '../helpers';

export { SEEDS, REPO } from '../helpers';
/** The development articles with gold, kept in the repository (tests never read ../shared). */
export const DATA_DEV = path.join(REPO, 'data/dev');
/** Real articles that name Antony Blinken twice over: "Anthony Blinken" (b107) and "Antony Blinken" (a042, b207). */
export const BLINKEN = { misspelt: path.join(DATA_DEV, 'b107.txt'), right: [path.join(DATA_DEV, 'a042.txt'), path.join(DATA_DEV, 'b207.txt')] };

export async function cypher(conn: Connection, q: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const s = conn.driver.session({ database: conn.database });
  try {
    return (await s.run(q, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
}

/**
 * The graph (not the correction records), node for node and property for
 * property, as sorted lines. Lists that are sets (aliases, roles,
 * correctedBy) are sorted: their order is the order articles came in.
 */
export async function graphDump(conn: Connection): Promise<string[]> {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? [...v.map(norm)].sort() : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, norm(x)])) : v;
  const nodes = await cypher(conn, 'MATCH (n) WHERE NOT n:Correction RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await cypher(conn, 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props');
  return [
    ...nodes.map((n) => `N ${JSON.stringify(n.labels)} ${JSON.stringify(norm(n.props))}`),
    ...rels.map((r) => `R ${r.type} ${r.from} -> ${r.to} ${JSON.stringify(norm(r.props))}`),
  ].sort();
}

/** Lines in one dump and not the other: an empty pair when the graphs are the same. */
export function dumpDiff(a: string[], b: string[]): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const [ca, cb] = [count(a), count(b)];
  return {
    onlyInFirst: [...ca].filter(([k, n]) => (cb.get(k) ?? 0) < n).map(([k]) => k).slice(0, 8),
    onlyInSecond: [...cb].filter(([k, n]) => (ca.get(k) ?? 0) < n).map(([k]) => k).slice(0, 8),
  };
}

export const correctionCount = async (conn: Connection) => Number((await cypher(conn, 'MATCH (c:Correction) RETURN count(c) AS n'))[0]!.n);
