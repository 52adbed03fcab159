import type { ManagedTransaction } from 'neo4j-driver';
import { isNodeTarget, type Correction, type CorrectionInput } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import { activeCorrections } from './active';
import { applyInDb, undoInDb } from './apply-db';
import { CurationError } from './errors';
import { mergePayload } from './pins';
import { CorrectionStage } from './stage';
import { getCorrection, markUndone, newCorrection, readCorrections, saveCorrection, type StoredCorrection } from './store';
import { checkRequest } from './validate';

/** What a caller asks for: the record less what kg fills in (id, time; a merge's pinned values). */
export type CorrectionRequest = Omit<CorrectionInput, 'id' | 'at'> & { id?: string; at?: string };

async function write<T>(conn: Connection, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = conn.driver.session({ database: conn.database });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

/**
 * Checks, records and makes one correction, in one transaction: either the
 * record is stored and the graph changed, or (a CurationError saying why)
 * neither. An undo is a correction too (op "undo", target {correction}).
 */
export async function applyCorrection(conn: Connection, request: CorrectionRequest): Promise<Correction> {
  return write(conn, async (tx) => {
    const draft = newCorrection(request);
    await checkRequest(tx, draft);
    const t = draft.target;
    const c = draft.op === 'merge' && isNodeTarget(t) ? newCorrection({ ...draft, payload: { ...(await mergePayload(tx, t, draft.payload.drop as string)), ...draft.payload } }) : draft;
    if (!(await saveCorrection(tx, c))) throw new CurationError(`a correction with id "${c.id}" exists already`);
    await makeInDb(tx, c);
    return c;
  });
}

/** The graph change of a stored correction: an undo or a split of a merge reverses its target. */
async function makeInDb(tx: ManagedTransaction, c: Correction): Promise<void> {
  if ((c.op === 'undo' || c.op === 'split') && 'correction' in c.target) {
    const target = await getCorrection(tx, c.target.correction);
    if (!target || target.undoneBy) return;
    await undoInDb(tx, target);
    await markUndone(tx, target.id, c.id);
    // undoing the split of a merge merges again
    if (c.op === 'undo' && target.op === 'split' && 'correction' in target.target) {
      const merge = await getCorrection(tx, target.target.correction);
      if (merge) {
        await markUndone(tx, merge.id, null);
        await applyInDb(tx, merge);
      }
    }
    return;
  }
  await applyInDb(tx, c);
}

/** Undoes a correction by id (recorded as a correction of its own). */
export function undo(conn: Connection, id: string, by: string, reason?: string): Promise<Correction> {
  return applyCorrection(conn, { op: 'undo', target: { correction: id }, by, payload: {}, ...(reason ? { reason } : {}) });
}

export { listCorrections } from './store';

/** The corrections to apply to new articles, read now: ingest builds one per chunk, so curation during an ingest is seen. */
export async function loadStage(conn: Connection): Promise<CorrectionStage> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    return new CorrectionStage(activeCorrections(await readCorrections(session)));
  } finally {
    await session.close();
  }
}

/**
 * Makes every correction in force again, in order, in one transaction:
 * after an ingest, for additions whose actors have just arrived and any
 * correction recorded while the ingest was writing. Changes nothing that is
 * already corrected.
 */
export async function reapplyCorrections(conn: Connection): Promise<number> {
  return write(conn, async (tx) => {
    const active = activeCorrections(await readCorrections(tx));
    for (const c of active) await applyInDb(tx, c);
    return active.length;
  });
}

/** Stores records from elsewhere (an import) and makes those that are new; returns how many were new. */
export async function storeAndApply(conn: Connection, records: readonly StoredCorrection[]): Promise<number> {
  return write(conn, async (tx) => {
    let fresh = 0;
    for (const c of records) {
      if (!(await saveCorrection(tx, c))) continue;
      fresh++;
      await makeInDb(tx, c);
    }
    return fresh;
  });
}
