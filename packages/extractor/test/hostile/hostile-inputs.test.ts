/**
 * Hostile inputs through `kg ingest`, end to end on the real Neo4j: each one
 * gets a clear message naming its file (and line), nothing crashes, the good
 * articles around them are written, and no part of a refused article reaches
 * the graph. Markup and Cypher-looking names are stored as plain text.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { readArticles } from '../../src/read';
import { cypher, runKg } from '../faults/kg-process';
import { DEV, SEEDS } from '../helpers';

jest.setTimeout(300_000);

let conn: Connection;
let dir: string;
let run: { code: number | null; stderr: string; stdout: string };
let before: Awaited<ReturnType<typeof graphCounts>>;
let seedNodeIds: string[];
const env = () => ({ NEO4J_URI: process.env.NEO4J_URI!, KG_RETRIES: '2', KG_RETRY_DELAY_MS: '200' });

/** Sentences of a real article, to build hostile articles around. */
async function realSentences(): Promise<string[]> {
  for await (const ev of readArticles([path.join(DEV, 'a002.txt')]))
    if (ev.kind === 'article') return ev.doc.text.split(/(?<=\.)\s+/).filter((s) => s.length > 30);
  throw new Error('no dev article');
}

const INJECTED = "Robert '}) DETACH DELETE n // Smith";

beforeAll(async () => {
  conn = await freshTestDatabase();
  // Something to lose: the seed articles are in the graph before the hostile run.
  const seeded = await runKg(['ingest', SEEDS, '--workers', '1'], env());
  expect(seeded.code).toBe(0);
  before = await graphCounts(conn);
  seedNodeIds = (await cypher(conn, 'MATCH (n) RETURN n.id AS id ORDER BY id')).map((r) => r.id as string);

  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-hostile-'));
  const s = await realSentences();
  await fs.writeFile(path.join(dir, 'empty.txt'), '');
  await fs.writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0xff)]));
  await fs.writeFile(path.join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from(`title: Bad bytes\n\n${s[0]} `), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(` ${s[1]}\n`)]));
  await fs.writeFile(path.join(dir, 'nul-byte.txt'), `title: A NUL\n\n${s[0]}\u0000${s[1]}\n`);
  // 50 MB on one line, as .txt (one article) and as .jsonl (one record)
  const big = Buffer.alloc(50 * 1024 * 1024, 'word ');
  await fs.writeFile(path.join(dir, 'huge-line.txt'), big);
  await fs.writeFile(path.join(dir, 'huge-line.jsonl'), Buffer.concat([Buffer.from('{"text": "'), big, Buffer.from('"}')]));
  await fs.writeFile(
    path.join(dir, 'page.html'),
    `<!doctype html><html><head><title>Talks &amp; more</title><script>document.title = 'pwned'</script></head><body>
<article><h1>Talks in Geneva</h1>
<p>${s[0]} <img src="x" onerror="alert('xss')"> ${s[1]}</p>
<p>${s[2]}<script>alert("inline")</script> <a href="javascript:alert(1)" onclick="steal()">more</a> ${s[3]}</p>
<p>${s.slice(4, 8).join(' ')}</p></article></body></html>`,
  );
  await fs.writeFile(
    path.join(dir, 'feed.jsonl'),
    [JSON.stringify({ title: 'Good one', published: '2025-03-04', text: s.slice(0, 4).join(' ') }), JSON.stringify({ title: 'Good two', published: '2025-03-05', text: s.slice(4, 8).join(' ') }), '{"title": "Cut off", "text": "The ministers met in'].join('\n'),
  );
  await fs.writeFile(path.join(dir, 'impossible-date.txt'), `title: A date that never was\npublished: 2025-02-30\n\n${s.slice(2, 6).join(' ')}\n`);
  await fs.mkdir(path.join(dir, 'loop'));
  await fs.symlink('..', path.join(dir, 'loop', 'back-up'));
  await fs.symlink('.', path.join(dir, 'loop', 'self'));
  const injected = [
    `${s[0]}`,
    `On Tuesday, Foreign Minister Sergei Lavrov met with ${INJECTED} in Geneva to discuss a ceasefire.`,
    `${INJECTED} said he supports a ceasefire.`,
    `${s[1]}`,
    `MATCH (n) DETACH DELETE n; CALL dbms.shutdown() -- said "}]->(x) DELETE x" Jones.`,
  ].join(' ');
  await fs.writeFile(path.join(dir, 'cypher-names.txt'), `title: ${INJECTED}\npublished: 2025-03-06\n\n${injected}\n`);

  run = await runKg(['ingest', dir, '--workers', '2'], env());
}, 300_000);

afterAll(async () => {
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);
const sources = async () => new Set((await cypher(conn, 'MATCH (a:Article) RETURN a.source AS s')).map((r) => r.s as string));

describe('hostile inputs through kg ingest', () => {
  test('the run ends normally, with exit code 1 (some inputs failed), and no crash', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+|TypeError|RangeError|heap out of memory|Unhandled/);
    expect(run.stderr).toMatch(/articles? written/);
  });

  test.each([
    ['empty.txt', /empty/i],
    ['binary.txt', /binary/i],
    ['invalid-utf8.txt', /UTF-8/i],
    ['nul-byte.txt', /NUL|binary/i],
    ['huge-line.txt', /too large/i],
    ['huge-line.jsonl:1', /too large|too long/i],
    ['feed.jsonl:3', /truncated|malformed/i],
    ['impossible-date.txt', /published|date/i],
  ])('%s is reported with its path and a reason', (name, reason) => {
    const line = run.stderr.split('\n').find((l) => l.includes(file(name)));
    expect(line).toBeDefined();
    expect(line).toMatch(reason);
  });

  test('the symbolic link loop is reported, and each file is read once', async () => {
    expect(run.stderr).toMatch(/loop/);
    expect(run.stderr).toContain(path.join(dir, 'loop'));
    const rows = await cypher(conn, 'MATCH (a:Article) RETURN a.source AS s');
    expect(rows.filter((r) => String(r.s).includes(`${path.sep}loop${path.sep}`))).toEqual([]);
  });

  test('no part of a refused input is in the graph; the good ones are', async () => {
    const got = await sources();
    for (const name of ['empty.txt', 'binary.txt', 'invalid-utf8.txt', 'nul-byte.txt', 'huge-line.txt', 'huge-line.jsonl:1', 'feed.jsonl:3']) expect(got).not.toContain(file(name));
    for (const name of ['feed.jsonl:1', 'feed.jsonl:2', 'page.html', 'impossible-date.txt', 'cypher-names.txt']) expect(got).toContain(file(name));
    const [imp] = await cypher(conn, 'MATCH (a:Article {source: $s}) RETURN a.published AS p', { s: file('impossible-date.txt') });
    expect(imp!.p).toBeNull();
  });

  test('HTML: scripts and event handlers are not stored; the text is', async () => {
    const props = await cypher(
      conn,
      `MATCH (a:Article {source: $s}) OPTIONAL MATCH (a)<-[m:MENTIONED_IN]-(n)
       RETURN properties(a) AS article, collect(properties(m)) AS mentions, collect(properties(n)) AS nodes`,
      { s: file('page.html') },
    );
    const text = JSON.stringify(props);
    expect(text).not.toMatch(/<script|<\/?[a-z]+[\s>]|onerror|onclick|javascript:|alert\(|pwned/i);
    expect((props[0]!.mentions as unknown[]).length).toBeGreaterThan(0);
  });

  test('names that look like Cypher are plain property values, and nothing was deleted', async () => {
    const after = await graphCounts(conn);
    for (const [label, n] of Object.entries(before.byLabel)) expect(after.byLabel[label]).toBeGreaterThanOrEqual(n);
    const ids = new Set((await cypher(conn, 'MATCH (n) RETURN n.id AS id')).map((r) => r.id as string));
    expect(seedNodeIds.filter((id) => !ids.has(id))).toEqual([]);
    const [article] = await cypher(conn, 'MATCH (a:Article {source: $s}) RETURN a.title AS title', { s: file('cypher-names.txt') });
    expect(article!.title).toBe(INJECTED);
    const stored = await cypher(conn, `MATCH (a:Article {source: $s})<-[m:MENTIONED_IN]-() WHERE m.sentence CONTAINS 'DETACH DELETE' RETURN m.sentence AS s`, {
      s: file('cypher-names.txt'),
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(String(stored[0]!.s)).toContain("'}) DETACH DELETE n //");
  });
});
