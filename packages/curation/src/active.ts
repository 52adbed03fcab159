import type { Correction } from '@kg/graph-schema';
import type { StoredCorrection } from './store';

/** Corrections that change the graph, in the order they apply: not undone, not split, not records of undos or dismissals. */
export function activeCorrections(all: readonly StoredCorrection[]): Correction[] {
  const reverted = new Set<string>();
  for (const c of all) if ((c.op === 'undo' || c.op === 'split') && 'correction' in c.target) reverted.add(c.target.correction);
  // an undo that was itself reverted (a split undone) gives its correction back
  for (const c of all) if (c.op === 'undo' && 'correction' in c.target && reverted.has(c.id)) reverted.delete(c.target.correction);
  return sorted(all.filter((c) => !reverted.has(c.id) && c.op !== 'undo' && c.op !== 'dismiss' && !(c.op === 'split' && 'correction' in c.target)));
}

export const sorted = <T extends Correction>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
