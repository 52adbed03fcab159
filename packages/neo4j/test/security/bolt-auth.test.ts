/**
 * Issue 10, attack 1, refused: the local Neo4j (here the one jest started,
 * as `npm start` starts the user's) wants the password from its file. A
 * client with no credentials, the default ones or wrong ones gets nothing,
 * on the plain Bolt socket and over WebSocket with a foreign Origin, and the
 * graph is unchanged. The same clients with the password do get through:
 * the channel is real, only the password stops them.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { configFromEnv, readPasswordFile, type Connection } from '../../src';
import { ingest } from '../../../extractor/src/ingest';
import { HELLO, openBoltWs, PULL, RUN } from '../helpers/bolt-ws';

const SEEDS = path.resolve(__dirname, '../../../../data/seeds');
const PORT = Number(new URL(process.env.NEO4J_URI!).port);
const PASSWORD_FILE = process.env.NEO4J_PASSWORD_FILE;
const local = PASSWORD_FILE !== undefined; // false when the tests run on a NEO4J_URI server
const WIPE = 'MATCH (n) DETACH DELETE n';

let conn: Connection;
let before: Awaited<ReturnType<typeof graphCounts>>;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  before = await graphCounts(conn);
  expect(before.nodes).toBeGreaterThan(20);
});
afterAll(() => conn?.close());

/** Runs a read and a wipe through the Node driver (the plain Bolt socket) with these credentials. */
async function plainSocket(auth: ReturnType<typeof neo4j.auth.basic> | undefined, wipe = true) {
  const driver = neo4j.driver(process.env.NEO4J_URI!, auth, { logging: { level: 'error', logger: () => {} }, connectionAcquisitionTimeout: 20_000 });
  const out: { read?: number; readError?: string; wipeError?: string } = {};
  try {
    out.read = Number((await driver.executeQuery('MATCH (n) RETURN count(n) AS c')).records[0]!.get('c'));
  } catch (e) {
    out.readError = (e as { code?: string }).code;
  }
  if (wipe)
    try {
      await driver.executeQuery(WIPE);
    } catch (e) {
      out.wipeError = (e as { code?: string }).code;
    }
  await driver.close();
  return out;
}

/** HELLO with these credentials, then a count and a wipe, over WebSocket from a page's origin. */
async function overWebSocket(credentials: Record<string, string>, wipe = true) {
  const ws = await openBoltWs(PORT, 'http://evil.example');
  try {
    const hello = await ws.request(HELLO, [{ user_agent: 'evil.example/1.0', ...credentials }]);
    const count = await ws.request(RUN, ['MATCH (n) RETURN count(n) AS c', {}, {}]);
    const rows = await ws.request(PULL, [{ n: -1 }]);
    const wiped = wipe ? await ws.request(RUN, [WIPE, {}, {}]) : [];
    return { upgrade: ws.upgrade, version: ws.version, hello, count, rows, wiped };
  } finally {
    ws.close();
  }
}

const describeLocal = local ? describe : describe.skip;

describeLocal('the local Neo4j takes only the password in its file', () => {
  test('the password file is readable by this user only (0600), in a home only this user can enter (0700), and kg reads it from there', () => {
    expect(statSync(PASSWORD_FILE!).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(PASSWORD_FILE!)).mode & 0o777).toBe(0o700);
    const password = readPasswordFile(PASSWORD_FILE!);
    expect(password.length).toBeGreaterThanOrEqual(40); // 32 random bytes
    expect(configFromEnv({ NEO4J_URI: process.env.NEO4J_URI, NEO4J_PASSWORD_FILE: PASSWORD_FILE })?.password).toBe(password);
  });

  test('plain Bolt socket: with no credentials, the default neo4j/neo4j or a wrong password, nothing is read and nothing deleted', async () => {
    for (const auth of [undefined, neo4j.auth.basic('neo4j', 'neo4j'), neo4j.auth.basic('neo4j', 'wrong-password')]) {
      const r = await plainSocket(auth);
      expect(r.read).toBeUndefined();
      expect(r.readError).toBe('Neo.ClientError.Security.Unauthorized');
      expect(r.wipeError).toBe('Neo.ClientError.Security.Unauthorized');
    }
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('plain Bolt socket: with the password from the file the same client reads the graph', async () => {
    const r = await plainSocket(neo4j.auth.basic('neo4j', readPasswordFile(PASSWORD_FILE!)), false);
    expect(r).toEqual({ read: before.nodes });
  });

  test('WebSocket with Origin http://evil.example: the upgrade and Bolt 5.0 still succeed, but no login, no read, no delete, with no, default or wrong credentials', async () => {
    for (const credentials of [{ scheme: 'none' } as Record<string, string>, { scheme: 'basic', principal: 'neo4j', credentials: 'neo4j' }, { scheme: 'basic', principal: 'neo4j', credentials: 'wrong-password' }]) {
      const r = await overWebSocket(credentials);
      expect(r.upgrade).toMatch(/^HTTP\/1\.1 101 /);
      expect(r.version).toBe('5.0');
      expect(r.hello[0]!.type).toBe('FAILURE');
      expect((r.hello[0]!.data as { code: string }).code).toBe('Neo.ClientError.Security.Unauthorized');
      for (const reply of [...r.count, ...r.rows, ...r.wiped]) expect(['FAILURE', 'IGNORED', 'CLOSED']).toContain(reply.type);
      expect(r.rows.some((x) => x.type === 'RECORD')).toBe(false);
    }
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('WebSocket with Origin http://evil.example and the password: this client does log in and read (so the refusals above are the password at work)', async () => {
    const r = await overWebSocket({ scheme: 'basic', principal: 'neo4j', credentials: readPasswordFile(PASSWORD_FILE!) }, false);
    expect(r.hello[0]!.type).toBe('SUCCESS');
    expect(r.rows.filter((x) => x.type === 'RECORD').map((x) => x.data)).toEqual([[before.nodes]]);
    expect(await graphCounts(conn)).toEqual(before);
  });
});

describe('password files', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'kg-password-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a password file other users can read is refused, with the file named and the fix', () => {
    const file = path.join(dir, 'password');
    writeFileSync(file, 'a-long-enough-password\n', { mode: 0o600 });
    expect(readPasswordFile(file)).toBe('a-long-enough-password');
    chmodSync(file, 0o644);
    expect(() => readPasswordFile(file)).toThrow(`the Neo4j password file ${file} is open to other users (mode 0644): run "chmod 600 ${file}"`);
    expect(() => configFromEnv({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD_FILE: file })).toThrow(/open to other users/);
    chmodSync(file, 0o640);
    expect(() => readPasswordFile(file)).toThrow(/mode 0640/);
  });

  test('a missing or empty password file is reported by name', () => {
    expect(() => readPasswordFile(path.join(dir, 'nope'))).toThrow(`cannot read the Neo4j password file ${path.join(dir, 'nope')}: ENOENT`);
    const empty = path.join(dir, 'empty');
    writeFileSync(empty, '\n', { mode: 0o600 });
    expect(() => readPasswordFile(empty)).toThrow(`the Neo4j password file ${empty} is empty`);
  });
});
