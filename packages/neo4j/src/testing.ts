import { configFromEnv } from './config';
import { applySchema, connect, type Connection } from './connect';

/**
 * For tests: the database jest's global setup started (or NEO4J_URI), emptied
 * and with the schema applied. Test files that use it run one at a time
 * (jest maxWorkers 1), since Neo4j community has a single user database.
 */
export async function freshTestDatabase(): Promise<Connection> {
  const config = configFromEnv();
  if (!config) throw new Error('NEO4J_URI is not set: run the tests through jest (its global setup starts Neo4j)');
  const conn = await connect(config);
  await resetDatabase(conn);
  await applySchema(conn);
  return conn;
}

export async function resetDatabase(conn: Connection): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    // Relationships first, in bounded batches: DETACH DELETE of a node with a
    // million relationships in one transaction exceeds Neo4j's memory pool.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS');
  } finally {
    await session.close();
  }
}

/** Node and relationship counts, per label and type: what "nothing changed" is checked against. */
export async function graphCounts(conn: Connection): Promise<{ nodes: number; relationships: number; byLabel: Record<string, number>; byType: Record<string, number> }> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const labels = await session.run('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c');
    const types = await session.run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c');
    const byLabel = Object.fromEntries(labels.records.map((r) => [r.get('l') as string, Number(r.get('c'))]));
    const byType = Object.fromEntries(types.records.map((r) => [r.get('t') as string, Number(r.get('c'))]));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType };
  } finally {
    await session.close();
  }
}
