import { NODE_LABELS } from './nodes';

/**
 * The database schema, as idempotent statements: a writer runs them every
 * time it connects, so a fresh database and an old one end up the same.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  ...NODE_LABELS.map((l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`),
  'CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE',
  'CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  'CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
  'CREATE INDEX meeting_status IF NOT EXISTS FOR (n:Meeting) ON (n.status)',
  'CREATE INDEX issue_name IF NOT EXISTS FOR (n:Issue) ON (n.name)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)',
  // Search by any spelling: the index covers the name and the aliases.
  'CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases]',
];

export const FULLTEXT_ACTOR_INDEX = 'actor_names';
