import path from 'node:path';
import type { NodeProps } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';

export interface KnownEntities {
  actors: { id: string; name: string; kind: NodeProps['Actor']['kind']; aliases: string[] }[];
  meetings: { id: string; date: string | null; participants: string[]; place: string | null; status: string }[];
}

/** Articles whose entities the resolver will learn by replaying them, not from the database. */
export interface ReplayedArticles {
  /** ids of articles of this input found in the database */
  articles: readonly string[];
  /** the input paths, as given and absolute: an article whose source lies under one is part of this input */
  sources: readonly string[];
}

/** The forms an input path can have been stored under in Article.source ("dir/a.txt", "corpus.jsonl:12"). */
export function sourcePrefixes(inputs: readonly string[]): string[] {
  return [...new Set(inputs.flatMap((p) => [p, path.resolve(p)]))];
}

/**
 * Actors and meetings already in the database, for the resolver to link new
 * articles to, in the order a resolver that had read those articles itself
 * would know them: actors by their latest mention (relationship ids grow as
 * they are created), meetings by creation; an actor's first spelling is its
 * first alias. Entities that only articles of this input mention are left
 * out: ingest replays those articles through the resolver, which then knows
 * them exactly as the uninterrupted run did (a database copy would lose the
 * resolver's memory of them: which articles reported a meeting, its ordinal).
 */
export async function loadKnownEntities(conn: Connection, replayed: ReplayedArticles = { articles: [], sources: [] }): Promise<KnownEntities> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  // an entity stays when one of its articles is not of this input
  const foreign = (v: string) => `EXISTS { MATCH (${v})-[:MENTIONED_IN]->(art:Article) WHERE NOT (art.id IN $articles OR any(p IN $sources WHERE art.source = p OR art.source STARTS WITH p + ':' OR art.source STARTS WITH p + '/')) }`;
  const params = { articles: [...replayed.articles], sources: [...replayed.sources] };
  try {
    const actors = await session.run(
      `MATCH (a:Actor) WHERE ${foreign('a')} OR NOT EXISTS { (a)-[:MENTIONED_IN]->() }
CALL (a) { OPTIONAL MATCH (a)-[r:MENTIONED_IN]->() RETURN max(id(r)) AS last }
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases
ORDER BY last, id(a)`,
      params,
    );
    const meetings = await session.run(
      `MATCH (m:Meeting) WHERE ${foreign('m')} OR NOT EXISTS { (m)-[:MENTIONED_IN]->() }
CALL (m) { OPTIONAL MATCH (a:Actor)-[:ATTENDED]->(m) RETURN collect(a.id) AS participants }
RETURN m.id AS id, m.date AS date, m.place AS place, m.status AS status, participants
ORDER BY id(m)`,
      params,
    );
    return {
      actors: actors.records.map((r) => {
        const aliases = r.get('aliases') as string[];
        return { id: r.get('id'), name: aliases[0] ?? r.get('name'), kind: r.get('kind'), aliases: [r.get('name'), ...aliases] };
      }),
      meetings: meetings.records.map((r) => ({
        id: r.get('id') as string,
        date: (r.get('date') as string | null) ?? null,
        participants: r.get('participants') as string[],
        place: (r.get('place') as string | null) ?? null,
        status: (r.get('status') as string | null) ?? 'held',
      })),
    };
  } finally {
    await session.close().catch(() => {});
  }
}

/**
 * Seeds a resolver with what the database knows. Persons go in from the most
 * recently mentioned: among namesakes the resolver prefers the one seen last,
 * and seeded persons tie, so the first seeded wins.
 */
export function seedResolver(resolver: { seed(actors: KnownEntities['actors'], meetings: KnownEntities['meetings']): void }, known: KnownEntities): void {
  resolver.seed(
    known.actors.filter((a) => a.kind !== 'person'),
    known.meetings,
  );
  resolver.seed(known.actors.filter((a) => a.kind === 'person').reverse(), []);
}
