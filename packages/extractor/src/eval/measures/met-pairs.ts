import type { GoldSet } from '../gold-set';
import type { PredictedGraph } from '../predicted';
import { prf, type Prf } from './prf';

export interface PairErrors {
  missed: string[];
  spurious: string[];
}

const pairKey = (a: string, b: string) => [a, b].sort().join(' + ');

function pairsOf(ids: Iterable<string>): string[] {
  const list = [...ids];
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.push(pairKey(list[i]!, list[j]!));
  return out;
}

/**
 * Met pairs: unordered pairs of actors who took part in the same held
 * meeting, over the whole folder, whatever meeting they are found in. A pair
 * that involves an optional participant is neither rewarded nor penalised.
 */
export function scoreMetPairs(gold: GoldSet, pred: PredictedGraph): { figures: Prf; errors: PairErrors } {
  const goldPairs = new Set<string>();
  const optionalPairs = new Set<string>();
  for (const m of gold.meetings.values()) {
    if (m.status !== 'held') continue;
    for (const p of pairsOf(m.participants)) goldPairs.add(p);
    for (const p of pairsOf(new Set([...m.participants, ...m.optional]))) if (!goldPairs.has(p)) optionalPairs.add(p);
  }
  const predPairs = new Set<string>();
  for (const m of pred.meetings) if (m.held) for (const p of pairsOf(m.ids)) predPairs.add(p);
  const tp = [...predPairs].filter((p) => goldPairs.has(p)).length;
  const spurious = [...predPairs].filter((p) => !goldPairs.has(p) && !optionalPairs.has(p));
  const missed = [...goldPairs].filter((p) => !predPairs.has(p));
  return { figures: prf(tp, spurious.length, missed.length), errors: { missed, spurious } };
}
