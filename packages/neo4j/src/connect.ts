import neo4j, { type Driver } from 'neo4j-driver';
import { SCHEMA_STATEMENTS } from '@kg/graph-schema';
import { displayUri, type Neo4jConfig } from './config';

export interface Connection {
  driver: Driver;
  database: string | undefined;
  uri: string;
  close(): Promise<void>;
}

/** Opens a driver and checks that the server answers, with a message that says where it looked. */
export async function connect(config: Neo4jConfig): Promise<Connection> {
  const auth = config.password ? neo4j.auth.basic(config.user, config.password) : undefined;
  const driver = neo4j.driver(config.uri, auth, {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: 15_000,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (e) {
    await driver.close();
    throw new Error(`cannot reach Neo4j at ${displayUri(config.uri)}: ${(e as Error).message}`);
  }
  return { driver, database: config.database, uri: config.uri, close: () => driver.close() };
}

/** Creates constraints and indexes if they are missing; safe to run on every connection. */
export async function applySchema(conn: Connection): Promise<void> {
  const session = conn.driver.session({ database: conn.database });
  try {
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}
