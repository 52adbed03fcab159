import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { ingest } from '../../src/ingest';
import { runKg } from '../faults/kg-process';
import { correctionCount, dumpDiff, graphDump, SEEDS } from './helpers';

jest.setTimeout(300_000);

let conn: Connection;
let dir: string;
const env = () => ({ NEO4J_URI: process.env.NEO4J_URI! });
const kg = (...args: string[]) => runKg(['curate', ...args], env());

beforeAll(async () => {
  conn = await freshTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-curate-'));
  expect((await ingest([SEEDS], conn, { workers: 0 })).error).toBeUndefined();
});
afterAll(async () => {
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Runs a kg curate command that must fail, and checks that neither the graph nor the corrections changed. */
async function refused(args: string[], message: RegExp) {
  const graph = await graphDump(conn);
  const records = await correctionCount(conn);
  const r = await kg(...args);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(message) });
  expect(r.stderr).toMatch(/nothing was (changed|imported)/);
  expect(dumpDiff(await graphDump(conn), graph)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  expect(await correctionCount(conn)).toBe(records);
}

test('kg curate records who (the OS user unless --by), when and why, lists and exports it', async () => {
  const r = await kg('confirm', 'vladimir-putin', '--reason', 'checked against the Kremlin readout');
  expect(r.code).toBe(0);
  const list = await kg('list');
  expect(list.stdout).toContain(`${os.userInfo().username}  confirm Actor:vladimir-putin  — checked against the Kremlin readout`);
  expect((await kg('reject', 'yuri-ushakov', 'russia', '--by', 'ana', '--reason', 'adviser, not a member')).code).toBe(0);
  expect((await kg('list')).stdout).toMatch(/  ana  reject AFFILIATED_WITH yuri-ushakov -> russia  — adviser, not a member/);
  const exported = await kg('export');
  const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ op: 'confirm', target: { label: 'Actor', id: 'vladimir-putin' }, reason: 'checked against the Kremlin readout' });
});

test('an unknown id is refused with its name, and nothing changes', async () => {
  await refused(['reject', 'no-such-meeting'], /no actor, meeting, position, issue or place with id "no-such-meeting"/);
  await refused(['undo', 'deadbeef'], /no correction "deadbeef"/);
});

test('a merge of an actor with itself is refused, and nothing changes', async () => {
  await refused(['merge', 'vladimir-putin', 'vladimir-putin'], /cannot merge Actor "vladimir-putin" with itself/);
});

test('a correction file with a malformed line is refused naming the file and line, and nothing of it is imported', async () => {
  const good = (await kg('export')).stdout.trim().split('\n')[0]!.replace(/"id":"[^"]+"/, '"id":"imported-1"');
  const file = path.join(dir, 'corrections.jsonl');
  await fs.writeFile(file, `${good}\n{"id": "x", "op": "merge",\n`);
  await refused(['import', file], new RegExp(`${file.replace(/[.]/g, '\\.')}: line 2: not JSON`));
  await fs.writeFile(file, `${good}\n{"id":"x","at":"yesterday","by":"me","op":"merge","target":{"label":"Actor","id":"a"},"payload":{"drop":"a"}}\n`);
  await refused(['import', file], /line 2: not a correction \(at: /);
  await fs.writeFile(file, `${good}\n`);
  const ok = await kg('import', file);
  expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('1 corrections read') });
});
