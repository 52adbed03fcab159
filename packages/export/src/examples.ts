/**
 * Saved example queries, for `kg query --example NAME` and the viewer's
 * query console. Plain data with no imports, so a browser bundle can read
 * it as well as Node (`@kg/export/examples`). All are read-only and take
 * their inputs as parameters, never pasted into the text. Facts analysts
 * rejected (kg curate reject: `rejected` set) are left out.
 */
export interface ExampleQuery {
  name: string;
  title: string;
  description: string;
  cypher: string;
  /** Parameter name → what it is, and a value that works on the seed articles. */
  params: Record<string, { description: string; example: string }>;
}

/** Actors called $<param> by name or alias, ignoring case. */
const actorNamed = (v: string, param: string) =>
  `toLower(${v}.name) = toLower($${param}) OR any(x IN coalesce(${v}.aliases, []) WHERE toLower(x) = toLower($${param}))`;

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'who-met-whom',
    title: 'Who met whom most often',
    description: 'Pairs of actors who attended the same meetings, most meetings first (meetings held, planned or proposed alike; the statuses are listed).',
    cypher: `MATCH (a:Actor)-[ra:ATTENDED]->(m:Meeting)<-[rb:ATTENDED]-(b:Actor)
WHERE a.id < b.id AND m.rejected IS NULL AND ra.rejected IS NULL AND rb.rejected IS NULL
RETURN a.name AS actor, b.name AS other, count(DISTINCT m) AS meetings,
       [d IN collect(DISTINCT m.date) WHERE d IS NOT NULL] AS dates, collect(DISTINCT m.status) AS statuses
ORDER BY meetings DESC, actor, other
LIMIT 50`,
    params: {},
  },
  {
    name: 'met-in-range',
    title: 'Everyone an actor met in a date range',
    description: 'The actors who attended a meeting together with $name (name or alias) dated from $from to $to (YYYY-MM-DD, inclusive).',
    cypher: `MATCH (a:Actor) WHERE ${actorNamed('a', 'name')}
MATCH (a)-[ra:ATTENDED]->(m:Meeting)<-[ro:ATTENDED]-(other:Actor)
WHERE m.date >= $from AND m.date <= $to AND other <> a AND m.rejected IS NULL AND ra.rejected IS NULL AND ro.rejected IS NULL
RETURN a.name AS actor, other.name AS met, other.kind AS kind, count(DISTINCT m) AS meetings,
       collect(DISTINCT m.date) AS dates, [p IN collect(DISTINCT m.place) WHERE p IS NOT NULL] AS places
ORDER BY meetings DESC, met`,
    params: {
      name: { description: 'actor name or alias', example: 'Putin' },
      from: { description: 'first day, YYYY-MM-DD', example: '2025-12-01' },
      to: { description: 'last day, YYYY-MM-DD', example: '2025-12-31' },
    },
  },
  {
    name: 'positions-on-issue',
    title: 'Positions held on an issue',
    description: 'Who holds which position on the issues whose name contains $issue (ignoring case), with the words that state it.',
    cypher: `MATCH (i:Issue) WHERE toLower(i.name) CONTAINS toLower($issue)
MATCH (a:Actor)-[:HOLDS]->(p:Position)-[:ABOUT]->(i) WHERE p.rejected IS NULL
RETURN i.name AS issue, a.name AS actor, p.stance AS stance, p.statement AS statement, p.date AS date
ORDER BY issue, date, actor`,
    params: { issue: { description: 'part of the issue name', example: 'ceasefire' } },
  },
  {
    name: 'meeting-chain',
    title: 'Shortest chain of meetings between two actors',
    description: 'The fewest meetings linking $a to $b (names or aliases): each step is a meeting both neighbours attended.',
    cypher: `MATCH (a:Actor) WHERE ${actorNamed('a', 'a')}
MATCH (b:Actor) WHERE ${actorNamed('b', 'b')} AND b <> a
MATCH path = shortestPath((a)-[:ATTENDED*..12]-(b))
WHERE all(r IN relationships(path) WHERE r.rejected IS NULL) AND all(n IN nodes(path) WHERE n.rejected IS NULL)
RETURN [n IN nodes(path) | CASE WHEN n:Meeting THEN 'meeting ' + coalesce(n.date, n.dateText, '?') + coalesce(' in ' + n.place, '') ELSE n.name END] AS chain,
       length(path) / 2 AS meetings, path
ORDER BY meetings
LIMIT 1`,
    params: {
      a: { description: 'first actor, name or alias', example: 'Putin' },
      b: { description: 'second actor, name or alias', example: 'Witkoff' },
    },
  },
];

export function findExample(name: string): ExampleQuery | undefined {
  return EXAMPLE_QUERIES.find((q) => q.name === name);
}

/** The example values of a query's parameters. */
export function exampleParams(q: ExampleQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(q.params).map(([k, p]) => [k, p.example]));
}
