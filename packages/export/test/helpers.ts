import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import type { Subgraph } from '../src';

export const REPO = path.resolve(__dirname, '../../..');
/** The three seed articles. */
export const SEEDS = path.join(REPO, 'data/seeds');

/** Text that breaks naive escaping in every format: Cypher injection, quotes, backslashes, newlines, CSV/array delimiters, XML-illegal control characters. */
export const HOSTILE_NAME = "'}) DETACH DELETE n //";
export const HOSTILE_TEXT = 'back\\slash \\\' quote" and \'single\'\nnew line\r\nCRLF\ttab ; semi | pipe, comma <tag> &amp; ]]>';
export const HOSTILE_CONTROL = 'bell\u0007 nul-free é ü 中文 😀 \u2028sep';

export async function write(conn: Connection, cypher: string, params: Record<string, unknown> = {}) {
  const s = conn.driver.session({ database: conn.database });
  try {
    return (await s.run(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
}

/**
 * After ingesting the real seed articles: give one real actor a hostile
 * name and aliases, one article a hostile title, one meeting an empty
 * dateText and one MENTIONED_IN sentence line breaks — by parameters, as
 * the pipeline writes. Returns the actor's id.
 */
export async function makeHostile(conn: Connection): Promise<string> {
  const [actor] = await write(
    conn,
    `MATCH (a:Actor {kind: 'person'}) WITH a ORDER BY a.id LIMIT 1
     SET a.name = $name, a.aliases = coalesce(a.aliases, []) + [$name, $text, $control], a.roles = [$text]
     RETURN a.id AS id`,
    { name: HOSTILE_NAME, text: HOSTILE_TEXT, control: HOSTILE_CONTROL },
  );
  await write(conn, 'MATCH (a:Article) WITH a ORDER BY a.id LIMIT 1 SET a.title = $text', { text: HOSTILE_TEXT });
  await write(conn, "MATCH (m:Meeting) WITH m ORDER BY m.id LIMIT 1 SET m.dateText = ''");
  await write(conn, 'MATCH ()-[r:MENTIONED_IN]->() WITH r ORDER BY r.start LIMIT 1 SET r.sentence = $text', { text: `${HOSTILE_TEXT}\n${HOSTILE_NAME}` });
  return actor!.id as string;
}

/** A subgraph as sorted plain data: what two subgraphs must share to be the same. */
export function canonical(g: Subgraph) {
  const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    nodes: g
      .mapNodes((key, a) => ({ key, attributes: sortKeys(a) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    edges: g
      .mapEdges((key, a, source, target) => ({ key, source, target, attributes: sortKeys(a) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
