/**
 * data/seeds holds the gold files of its articles: `npm start` (kg ingest
 * data/seeds) and kg extract count them once in their summary instead of
 * printing a "not an article" note for each.
 */
import { mkdtempSync, copyFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { readArticles } from '../../src/read';
import { cypher, runKg } from '../faults/kg-process';
import { SEEDS } from '../helpers';

jest.setTimeout(180_000);

const goldNames = readdirSync(SEEDS).filter((f) => f.endsWith('.gold.json'));

test('a gold file named on the command line is set aside too, not read as an article', async () => {
  const events = [];
  for await (const ev of readArticles([path.join(SEEDS, goldNames[0]!)])) events.push(ev);
  expect(events).toEqual([{ kind: 'annotation', path: path.join(SEEDS, goldNames[0]!) }]);
});

test('kg extract data/seeds: one summary count for the gold files, no note for each', async () => {
  expect(goldNames).toHaveLength(3);
  const r = await runKg(['extract', SEEDS, '--out', path.join(mkdtempSync(path.join(os.tmpdir(), 'kg-gold-')), 'g.json')], {});
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^3 articles read, 0 skipped, 0 failed, 3 gold annotation files set aside in /m);
  expect(r.stderr).not.toMatch(/gold\.json|not an article/);
});

describe('kg ingest', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshTestDatabase();
  });
  afterAll(async () => conn?.close());

  test('kg ingest data/seeds says once how many gold files it set aside; no Article node comes from them', async () => {
    const r = await runKg(['ingest', SEEDS, '--workers', '1'], { NEO4J_URI: process.env.NEO4J_URI! });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^3 articles written, 0 already in the database, 0 skipped, 0 failed, 3 gold annotation files set aside in /m);
    expect(r.stderr).not.toMatch(/gold\.json|not an article/);
    const sources = (await cypher(conn, 'MATCH (a:Article) RETURN a.source AS s')).map((x) => String(x.s));
    expect(sources).toHaveLength(3);
    expect(sources.every((s) => s.endsWith('.txt'))).toBe(true);
  });

  test('one gold file among other files: the count says "file", not "files"', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-gold-'));
    for (const f of ['002_54de3e4b6e1e5dfc.txt', '002_54de3e4b6e1e5dfc.gold.json']) copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    const r = await runKg(['ingest', dir, '--workers', '1', '--published', '2022-03-22'], { NEO4J_URI: process.env.NEO4J_URI! });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/, 1 gold annotation file set aside in /);
  });
});
