import { randomUUID } from 'node:crypto';
import type { ManagedTransaction, Session } from 'neo4j-driver';
import { Correction, CORRECTION_LABEL, type CorrectionInput } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';

/** A correction as listed: the record, and the correction that undid it, if any. */
export type StoredCorrection = Correction & { undoneBy?: string };

type Tx = ManagedTransaction | Session;

/** A new record: id and time filled in, then checked against the schema (throws a ZodError naming the field). */
export function newCorrection(input: Omit<CorrectionInput, 'id' | 'at'> & { id?: string; at?: string }): Correction {
  return Correction.parse({ id: input.id ?? randomUUID(), at: input.at ?? new Date().toISOString(), ...input });
}

// Records are stored flat, target and payload as JSON text: Neo4j properties cannot hold maps.
const toRow = (c: Correction) => ({
  id: c.id,
  at: c.at,
  by: c.by,
  op: c.op,
  target: JSON.stringify(c.target),
  payload: JSON.stringify(c.payload),
  reason: c.reason ?? null,
  scope: c.scope ?? null,
});

function fromProps(p: Record<string, unknown>): StoredCorrection {
  const c = Correction.parse({
    id: p.id,
    at: p.at,
    by: p.by,
    op: p.op,
    target: JSON.parse(p.target as string),
    payload: JSON.parse((p.payload as string) ?? '{}'),
    ...(p.reason != null ? { reason: p.reason } : {}),
    ...(p.scope != null ? { scope: p.scope } : {}),
  });
  return p.undoneBy ? { ...c, undoneBy: p.undoneBy as string } : c;
}

/** Stores the record once: a record already stored (same id) is left as it is. Returns whether it was new. */
export async function saveCorrection(tx: Tx, c: Correction): Promise<boolean> {
  const res = await tx.run(
    `MERGE (c:${CORRECTION_LABEL} {id: $row.id})
ON CREATE SET c += $row, c.kg_new = true
WITH c, c.kg_new IS NOT NULL AS created REMOVE c.kg_new RETURN created`,
    { row: toRow(c) },
  );
  return res.records[0]?.get('created') === true;
}

export async function markUndone(tx: Tx, id: string, by: string | null): Promise<void> {
  await tx.run(`MATCH (c:${CORRECTION_LABEL} {id: $id}) SET c.undoneBy = $by`, { id, by });
}

export async function getCorrection(tx: Tx, id: string): Promise<StoredCorrection | undefined> {
  const res = await tx.run(`MATCH (c:${CORRECTION_LABEL} {id: $id}) RETURN properties(c) AS p`, { id });
  const p = res.records[0]?.get('p') as Record<string, unknown> | undefined;
  return p ? fromProps(p) : undefined;
}

/** Every correction, in the order they apply: by time, then id. */
export async function readCorrections(tx: Tx): Promise<StoredCorrection[]> {
  const res = await tx.run(`MATCH (c:${CORRECTION_LABEL}) RETURN properties(c) AS p ORDER BY c.at, c.id`);
  return res.records.map((r) => fromProps(r.get('p') as Record<string, unknown>));
}

/** What the first application of a correction saw (to undo it exactly); kept in the database, not in exports. */
export async function readSnapshot(tx: Tx, id: string): Promise<Record<string, unknown> | undefined> {
  const res = await tx.run(`MATCH (c:${CORRECTION_LABEL} {id: $id}) RETURN c.snapshot AS s`, { id });
  const s = res.records[0]?.get('s') as string | null | undefined;
  return s ? (JSON.parse(s) as Record<string, unknown>) : undefined;
}

export async function writeSnapshot(tx: Tx, id: string, snapshot: Record<string, unknown>): Promise<void> {
  await tx.run(`MATCH (c:${CORRECTION_LABEL} {id: $id}) WHERE c.snapshot IS NULL SET c.snapshot = $s`, { id, s: JSON.stringify(snapshot) });
}

export async function listCorrections(conn: Connection): Promise<StoredCorrection[]> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    return await readCorrections(session);
  } finally {
    await session.close();
  }
}
