import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { applyCorrection, suggest, undo } from '@kg/curation';
import { ingest } from '../../src/ingest';
import { cypher, DATA_DEV, dumpDiff, graphDump } from './helpers';

// a018 and a019 report the same US–Ukraine talks in Geneva, both without a date: the resolver keeps two meetings.
let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([path.join(DATA_DEV, 'a018.txt'), path.join(DATA_DEV, 'a019.txt')], conn, { workers: 0 })).error).toBeUndefined();
});
afterAll(() => conn?.close());

const geneva = async () => (await suggest(conn)).find((s) => s.kind === 'duplicate-meetings' && s.keep.name.includes('Geneva'));
const ids = async () => (await suggest(conn)).map((x) => x.id);

test('two reports of one meeting are suggested as duplicates; accepting merges them, undo separates them again', async () => {
  const s = await geneva();
  expect(s).toBeDefined();
  expect(s!.reasons).toEqual(['same participants', 'same place (Geneva), a date missing']);
  const before = await graphDump(conn);
  const m = await applyCorrection(conn, { by: 'analyst', op: 'merge', target: { label: 'Meeting', id: s!.keep.id }, payload: { drop: s!.drop.id } });
  const kept = await cypher(conn, `MATCH (m:Meeting) WHERE m.id IN [$keep, $drop] RETURN m.id AS id, [(m)-[:MENTIONED_IN]->(a:Article) | a.source] AS sources`, { keep: s!.keep.id, drop: s!.drop.id });
  expect(kept.map((k) => k.id)).toEqual([s!.keep.id]);
  expect(new Set((kept[0]!.sources as string[]).map((x) => path.basename(x)))).toEqual(new Set(['a018.txt', 'a019.txt']));
  expect((await suggest(conn)).map((x) => x.id)).not.toContain(s!.id);
  await undo(conn, m.id, 'analyst');
  expect(dumpDiff(await graphDump(conn), before)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
});

test('a dismissed suggestion stays dismissed, whoever asks and however often', async () => {
  const s = (await geneva())!;
  expect(await ids()).toContain(s.id);
  await applyCorrection(conn, { by: 'analyst', op: 'dismiss', target: { suggestion: s.id }, payload: {}, reason: 'two rounds of talks' });
  expect(await ids()).not.toContain(s.id);
  // a re-ingest of the same reports (after a rebuild) does not bring it back either
  await cypher(conn, 'MATCH (n) WHERE NOT n:Correction DETACH DELETE n');
  await ingest([path.join(DATA_DEV, 'a018.txt'), path.join(DATA_DEV, 'a019.txt')], conn, { workers: 0 });
  expect(await cypher(conn, `MATCH (m:Meeting) WHERE m.id IN [$a, $b] RETURN m.id AS id ORDER BY id`, { a: s.keep.id, b: s.drop.id })).toEqual([s.keep.id, s.drop.id].sort().map((id) => ({ id })));
  expect(await ids()).not.toContain(s.id);
});
