import { NODE_LABELS, parseNodeKey, type NodeLabel, type NodeTarget, type RelTarget, type RelType } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import { CurationError, listCorrections } from '@kg/curation';

const FACT_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => l !== 'Article');

async function read(conn: Connection, q: string, params: Record<string, unknown>) {
  const s = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    return (await s.run(q, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
}

/** A node named on the command line: `Label:id`, or an id that only one label has. */
export async function findNode(conn: Connection, ref: string): Promise<NodeTarget> {
  if (/^[A-Z][a-z]+:/.test(ref)) {
    const t = parseNodeKey(ref);
    if (!(await read(conn, `MATCH (n:${t.label} {id: $id}) RETURN n.id AS id`, { id: t.id })).length) throw new CurationError(`no ${t.label} "${t.id}" in the database`);
    return t;
  }
  const rows = await read(conn, 'MATCH (n {id: $id}) RETURN labels(n)[0] AS label', { id: ref });
  const labels = rows.map((r) => r.label as NodeLabel).filter((l) => FACT_LABELS.includes(l));
  if (!labels.length) throw new CurationError(`no actor, meeting, position, issue or place with id "${ref}" in the database`);
  if (labels.length > 1) throw new CurationError(`"${ref}" is the id of a ${labels.join(' and a ')}: write Label:${ref}`);
  return { label: labels[0]!, id: ref };
}

/** The relationship from one node to another (a participant, an affiliation, a position held); --type when there are several. */
export async function findRel(conn: Connection, fromRef: string, toRef: string, type?: string): Promise<RelTarget> {
  const from = await findNode(conn, fromRef);
  const to = await findNode(conn, toRef);
  const rows = await read(conn, `MATCH (:${from.label} {id: $from})-[r]->(:${to.label} {id: $to}) RETURN DISTINCT type(r) AS type`, { from: from.id, to: to.id });
  const types = rows.map((r) => r.type as RelType).filter((t) => !type || t === type);
  if (!types.length) throw new CurationError(`no ${type ?? 'relationship'} from ${from.label} "${from.id}" to ${to.label} "${to.id}"`);
  if (types.length > 1) throw new CurationError(`${from.id} → ${to.id} has ${types.join(' and ')}: choose with --type`);
  return { type: types[0]!, from, to };
}

/** A correction by its id or an unambiguous start of it (as kg curate list shows them). */
export async function findCorrection(conn: Connection, ref: string): Promise<string> {
  const all = await listCorrections(conn);
  const exact = all.find((c) => c.id === ref);
  if (exact) return exact.id;
  const hits = ref.length >= 4 ? all.filter((c) => c.id.startsWith(ref)) : [];
  if (hits.length === 1) return hits[0]!.id;
  if (hits.length > 1) throw new CurationError(`"${ref}" starts ${hits.length} correction ids: give more of it`);
  throw new CurationError(`no correction "${ref}" (kg curate list shows them)`);
}
