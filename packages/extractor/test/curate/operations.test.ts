import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { applyCorrection, listCorrections, suggest, undo, type CorrectionRequest } from '@kg/curation';
import { ingest } from '../../src/ingest';
import { BLINKEN, cypher, dumpDiff, graphDump, SEEDS } from './helpers';

// The seed articles (the Kremlin talks of 2 December 2025 and what followed) and three real
// articles that spell Antony Blinken two ways: every operation on them, and its undo.
let conn: Connection;
let kremlin: string;
beforeAll(async () => {
  conn = await freshTestDatabase();
  const r = await ingest([SEEDS, BLINKEN.misspelt, ...BLINKEN.right], conn, { workers: 0 });
  expect(r.error).toBeUndefined();
  kremlin = (await cypher(conn, `MATCH (m:Meeting {date: '2025-12-02', place: 'Moscow'}) RETURN m.id AS id`))[0]!.id as string;
});
afterAll(() => conn?.close());

const by = 'analyst';
const one = async (q: string, params = {}) => (await cypher(conn, q, params))[0];

/** Applies a correction, checks what it changed, undoes it and checks that the graph is as it was, property for property. */
async function roundTrip(req: Omit<CorrectionRequest, 'by'>, check: () => Promise<void>) {
  const before = await graphDump(conn);
  const c = await applyCorrection(conn, { by, ...req });
  await check();
  expect(dumpDiff(await graphDump(conn), before).onlyInFirst.length).toBeGreaterThan(0);
  await undo(conn, c.id, by, 'test undo');
  expect(dumpDiff(await graphDump(conn), before)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  return c;
}

test('every node and relationship an ingest writes says it was extracted', async () => {
  expect(await one(`MATCH (n) WHERE NOT n:Article AND NOT n:Correction AND n.origin IS NULL RETURN count(n) AS n`)).toEqual({ n: 0 });
  expect(await one(`MATCH ()-[r]->() WHERE r.origin IS NULL RETURN count(r) AS n`)).toEqual({ n: 0 });
});

test('merge: "Anthony Blinken" into Antony Blinken moves his meetings, mentions and spelling, and undo brings him back', async () => {
  const rels = async (id: string) => (await cypher(conn, `MATCH (:Actor {id: $id})-[r]-(o) RETURN DISTINCT type(r) + ' ' + o.id AS rel`, { id })).map((r) => r.rel as string);
  const his = await rels('anthony-blinken');
  expect(his.length).toBeGreaterThan(1);
  await roundTrip({ op: 'merge', target: { label: 'Actor', id: 'antony-blinken' }, payload: { drop: 'anthony-blinken' }, reason: 'one person' }, async () => {
    expect(await one(`MATCH (a:Actor {id: 'anthony-blinken'}) RETURN count(a) AS n`)).toEqual({ n: 0 });
    const kept = await one(`MATCH (a:Actor {id: 'antony-blinken'}) RETURN a.name AS name, a.aliases AS aliases, a.origin AS origin`);
    expect(kept!.name).toBe('Antony Blinken');
    expect(kept!.aliases).toContain('Anthony Blinken');
    expect(kept!.origin).toBe('curated');
    expect(await rels('antony-blinken')).toEqual(expect.arrayContaining(his.filter((r) => r !== 'AFFILIATED_WITH antony-blinken')));
  });
});

test('split of a merge puts the dropped actor back, and the merge no longer applies', async () => {
  const before = await graphDump(conn);
  const m = await applyCorrection(conn, { by, op: 'merge', target: { label: 'Actor', id: 'antony-blinken' }, payload: { drop: 'anthony-blinken' } });
  await applyCorrection(conn, { by, op: 'split', target: { correction: m.id }, payload: {}, reason: 'two people after all' });
  expect(dumpDiff(await graphDump(conn), before)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  expect((await listCorrections(conn)).find((c) => c.id === m.id)!.undoneBy).toBeDefined();
});

test('edit: an actor gets roles and an affiliation; undo restores what it had', async () => {
  await roundTrip({ op: 'edit', target: { label: 'Actor', id: 'kirill-dmitriev' }, payload: { set: { roles: ['Russian envoy'], affiliation: 'Russia' } } }, async () => {
    expect(await one(`MATCH (a:Actor {id: 'kirill-dmitriev'}) RETURN a.roles AS roles, a.affiliation AS aff, a.origin AS origin`)).toEqual({ roles: ['Russian envoy'], aff: 'Russia', origin: 'curated' });
  });
});

test('reject a meeting everywhere, and only as one article reports it', async () => {
  await roundTrip({ op: 'reject', target: { label: 'Meeting', id: kremlin }, payload: {}, reason: 'test' }, async () => {
    expect(await one(`MATCH (m:Meeting {id: $id}) RETURN m.rejected AS r`, { id: kremlin })).toEqual({ r: true });
  });
  const reports = await cypher(conn, `MATCH (:Meeting {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN DISTINCT a.id AS id ORDER BY id`, { id: kremlin });
  const article = reports[0]!.id as string;
  await roundTrip({ op: 'reject', target: { label: 'Meeting', id: kremlin }, scope: article, payload: {} }, async () => {
    expect(await one(`MATCH (m:Meeting {id: $id}) RETURN m.rejected AS r`, { id: kremlin })).toEqual({ r: null });
    const hidden = await one(`MATCH (:Meeting {id: $id})-[r:MENTIONED_IN]->(a:Article) RETURN collect(DISTINCT a.id) AS a, all(x IN collect(r.rejected) WHERE x = true) AS allHidden`, { id: kremlin, a: article });
    expect(hidden!.a).toContain(article);
    expect(await one(`MATCH (:Meeting {id: $id})-[r:MENTIONED_IN]->(a:Article) WHERE a.id <> $a AND r.rejected IS NOT NULL RETURN count(r) AS n`, { id: kremlin, a: article })).toEqual({ n: 0 });
    expect(await one(`MATCH (:Meeting {id: $id})-[r:MENTIONED_IN]->(a:Article {id: $a}) WHERE r.rejected IS NULL RETURN count(r) AS n`, { id: kremlin, a: article })).toEqual({ n: 0 });
  });
});

test('reject one participant of a meeting, an affiliation and a position', async () => {
  const participant = { type: 'ATTENDED', from: { label: 'Actor', id: 'jared-kushner' }, to: { label: 'Meeting', id: kremlin } } as const;
  await roundTrip({ op: 'reject', target: participant, payload: {} }, async () => {
    expect(await one(`MATCH (:Actor {id: 'jared-kushner'})-[r:ATTENDED]->(:Meeting {id: $id}) RETURN r.rejected AS r`, { id: kremlin })).toEqual({ r: true });
    expect(await one(`MATCH (:Actor {id: 'vladimir-putin'})-[r:ATTENDED]->(:Meeting {id: $id}) RETURN r.rejected AS r`, { id: kremlin })).toEqual({ r: null });
  });
  const aff = { type: 'AFFILIATED_WITH', from: { label: 'Actor', id: 'yuri-ushakov' }, to: { label: 'Actor', id: 'russia' } } as const;
  await roundTrip({ op: 'reject', target: aff, payload: {} }, async () => {
    expect(await one(`MATCH (:Actor {id: 'yuri-ushakov'})-[r:AFFILIATED_WITH]->(:Actor {id: 'russia'}) RETURN r.rejected AS r`)).toEqual({ r: true });
  });
  const pos = (await one(`MATCH (:Actor {id: 'vladimir-putin'})-[:HOLDS]->(p:Position) RETURN p.id AS id LIMIT 1`))!.id as string;
  await roundTrip({ op: 'reject', target: { label: 'Position', id: pos }, payload: {} }, async () => {
    expect(await one(`MATCH (p:Position {id: $id}) RETURN p.rejected AS r`, { id: pos })).toEqual({ r: true });
  });
});

test('add a participant, a meeting and a position the extractor missed, each marked added', async () => {
  await roundTrip({ op: 'add', target: { type: 'ATTENDED', from: { label: 'Actor', id: 'emmanuel-macron' }, to: { label: 'Meeting', id: kremlin } }, payload: { props: {}, note: 'on the phone' } }, async () => {
    expect(await one(`MATCH (:Actor {id: 'emmanuel-macron'})-[r:ATTENDED]->(:Meeting {id: $id}) RETURN r.origin AS o`, { id: kremlin })).toEqual({ o: 'added' });
  });
  const meeting = { date: '2025-12-05', dateText: '5 December', status: 'planned', mode: 'in_person', place: 'Geneva' };
  await roundTrip({ op: 'add', target: { label: 'Meeting', id: 'added-geneva' }, payload: { props: meeting, participants: ['rustem-umerov', 'steve-witkoff'], note: 'from a briefing' } }, async () => {
    expect(await one(`MATCH (a:Actor)-[:ATTENDED]->(m:Meeting {id: 'added-geneva'}) RETURN m.origin AS o, m.place AS place, collect(a.id) AS who`)).toEqual({ o: 'added', place: 'Geneva', who: expect.arrayContaining(['rustem-umerov', 'steve-witkoff']) });
  });
  await roundTrip({ op: 'add', target: { label: 'Position', id: 'added-p1' }, payload: { props: { stance: 'supports', statement: 'a ceasefire first' }, holder: 'emmanuel-macron' } }, async () => {
    expect(await one(`MATCH (:Actor {id: 'emmanuel-macron'})-[:HOLDS]->(p:Position {id: 'added-p1'}) RETURN p.origin AS o`)).toEqual({ o: 'added' });
  });
});

test('confirm marks a fact reviewed; undo takes the mark away', async () => {
  await roundTrip({ op: 'confirm', target: { label: 'Meeting', id: kremlin }, payload: {} }, async () => {
    expect(await one(`MATCH (m:Meeting {id: $id}) RETURN m.reviewed AS r, m.correctedBy AS by`, { id: kremlin })).toEqual({ r: true, by: [expect.any(String)] });
  });
});

test('split a meeting node that is two: the chosen participants go to a new meeting with the same evidence', async () => {
  const who = (await one(`MATCH (a:Actor)-[:ATTENDED]->(:Meeting {id: $id}) RETURN collect(a.id) AS who`, { id: kremlin }))!.who as string[];
  expect(who.length).toBeGreaterThan(2);
  const moving = who.slice(0, 1);
  await roundTrip({ op: 'split', target: { label: 'Meeting', id: kremlin }, payload: { participants: moving, into: `${kremlin}-b` } }, async () => {
    expect(await one(`MATCH (a:Actor)-[:ATTENDED]->(:Meeting {id: $id}) RETURN collect(a.id) AS who`, { id: `${kremlin}-b` })).toEqual({ who: moving });
    expect(await one(`MATCH (a:Actor {id: $a})-[:ATTENDED]->(:Meeting {id: $id}) RETURN count(*) AS n`, { id: kremlin, a: moving[0] })).toEqual({ n: 0 });
    expect(Number((await one(`MATCH (:Meeting {id: $id})-[:MENTIONED_IN]->() RETURN count(*) AS n`, { id: `${kremlin}-b` }))!.n)).toBeGreaterThan(0);
  });
});

test('suggestions: the two Blinkens are proposed; a dismissal is remembered until it is undone', async () => {
  const s = (await suggest(conn)).find((x) => [x.keep.id, x.drop.id].sort().join() === 'anthony-blinken,antony-blinken');
  expect(s).toBeDefined();
  expect(s!.reasons).toContain('same surname and same affiliation');
  const d = await applyCorrection(conn, { by, op: 'dismiss', target: { suggestion: s!.id }, payload: {} });
  expect((await suggest(conn)).map((x) => x.id)).not.toContain(s!.id);
  await undo(conn, d.id, by);
  expect((await suggest(conn)).map((x) => x.id)).toContain(s!.id);
});

test('list shows who, when, what and why, and which corrections were undone', async () => {
  const all = await listCorrections(conn);
  expect(all.length).toBeGreaterThan(10);
  const merge = all.find((c) => c.op === 'merge' && c.reason === 'one person')!;
  expect(merge).toMatchObject({ by, target: { label: 'Actor', id: 'antony-blinken' }, payload: { drop: 'anthony-blinken' } });
  expect(merge.undoneBy).toBeDefined();
  expect(all.filter((c) => c.op === 'undo').every((c) => !c.undoneBy)).toBe(true);
});
