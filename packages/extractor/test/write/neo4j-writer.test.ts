import type { Connection } from '@kg/neo4j';
import { freshTestDatabase, graphCounts, resetDatabase } from '@kg/neo4j/testing';
import type { GraphBatch } from '@kg/graph-schema';
import { extract } from '../../src/extract';
import { ingest } from '../../src/ingest';
import { readArticles, type SourceDocument } from '../../src/read';
import { Resolver } from '../../src/resolve';
import { writeArticles } from '../../src/write/neo4j-writer';
import { SEEDS } from '../helpers';

let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
});
afterAll(() => conn?.close());

async function seedDocs(): Promise<SourceDocument[]> {
  const docs: SourceDocument[] = [];
  for await (const ev of readArticles([SEEDS])) if (ev.kind === 'article') docs.push(ev.doc);
  return docs;
}

const cypher = async (q: string, params = {}) => {
  const s = conn.driver.session({ database: conn.database });
  try {
    return (await s.run(q, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
};

describe('ingest into the real Neo4j', () => {
  beforeEach(() => resetDatabase(conn));

  test('the seed articles become a graph, and ingesting them again changes no count', async () => {
    const first = await ingest([SEEDS], conn);
    expect(first.error).toBeUndefined();
    expect(first.written).toBe(3);
    const before = await graphCounts(conn);
    expect(before.byLabel.Article).toBe(3);
    expect(before.byLabel.Actor).toBeGreaterThan(3);
    expect(first.counts.nodesCreated).toBe(before.nodes);
    expect(first.counts.relationshipsCreated).toBe(before.relationships);

    const again = await ingest([SEEDS], conn);
    expect(again.written).toBe(0);
    expect(again.alreadyPresent).toBe(3);
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('writing the same extracted articles twice (no hash check) creates nothing the second time', async () => {
    const resolver = new Resolver();
    const batches = (await seedDocs()).map((d) => resolver.resolve(extract(d)));
    const first = await writeArticles(conn, batches);
    const before = await graphCounts(conn);
    const second = await writeArticles(conn, batches);
    expect(second.nodesCreated).toBe(0);
    expect(second.relationshipsCreated).toBe(0);
    expect(second.nodesMatched).toBe(first.nodesCreated + first.nodesMatched);
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('a transaction that fails leaves none of its articles behind', async () => {
    const [a, b] = await seedDocs();
    const resolver = new Resolver();
    const good = resolver.resolve(extract(a!));
    // Neo4j refuses map-valued properties: the second article's write fails inside the transaction.
    const broken: GraphBatch = resolver.resolve(extract(b!));
    (broken.nodes.find((n) => n.label === 'Article')!.props as Record<string, unknown>).title = { not: 'a string' };
    await expect(writeArticles(conn, [good, broken])).rejects.toThrow();
    expect((await graphCounts(conn)).nodes).toBe(0);
  });

  test('constraints and the full-text index are in place, and the index finds actors by alias', async () => {
    await ingest([SEEDS], conn);
    const constraints = (await cypher('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type')) as { labelsOrTypes: string[]; type: string }[];
    for (const label of ['Actor', 'Meeting', 'Position', 'Issue', 'Place', 'Article'])
      expect(constraints.some((c) => c.labelsOrTypes[0] === label && c.type === 'UNIQUENESS')).toBe(true);
    const [someActor] = await cypher('MATCH (a:Actor {kind: "person"}) RETURN a.name AS name, a.aliases AS aliases LIMIT 1');
    const surname = String(someActor!.name).split(' ').at(-1)!;
    const hits = await cypher('CALL db.index.fulltext.queryNodes("actor_names", $q) YIELD node RETURN node.name AS name', { q: surname });
    expect(hits.map((h) => h.name)).toContain(someActor!.name);
  });

  test('a duplicate id cannot be created behind MERGE\'s back', async () => {
    await cypher('CREATE (:Actor {id: "x", name: "X", kind: "person"})');
    await expect(cypher('CREATE (:Actor {id: "x", name: "Y", kind: "person"})')).rejects.toThrow(/already exists/);
  });

  test('every fact keeps the sentence it came from, at the right offsets', async () => {
    await ingest([SEEDS], conn);
    const docs = new Map((await seedDocs()).map((d) => [d.id, d]));
    const rows = await cypher('MATCH (n)-[e:MENTIONED_IN]->(a:Article) RETURN a.id AS id, e.sentence AS sentence, e.start AS start, e.end AS end');
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(docs.get(r.id as string)!.text.slice(r.start as number, r.end as number)).toBe(r.sentence);
  });
});
