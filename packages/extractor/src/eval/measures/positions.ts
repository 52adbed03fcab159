import type { GoldPositionEntry, GoldSet } from '../gold-set';
import { normName } from '../names';
import type { PredictedGraph } from '../predicted';
import { prf, share, type Prf } from './prf';

export interface PositionFigures extends Prf {
  /** Of the required gold positions found, the share whose stance agrees. */
  stance_agreement: number | null;
}

export interface PositionErrors {
  /** Required gold positions no predicted position matched. */
  missed: GoldPositionEntry[];
}

/**
 * Positions: a predicted position can stand for a gold one when one of its
 * holders is the gold holder and its text contains one of the gold keywords.
 * Pairs are taken one to one, required gold positions first, then those
 * whose stance agrees. A predicted position matched to an optional gold one
 * is neither rewarded nor penalised; one matched to none is a false positive.
 */
export function scorePositions(gold: GoldSet, pred: PredictedGraph): { figures: PositionFigures; errors: PositionErrors } {
  const candidates: { gi: number; pi: number; required: boolean; sameStance: boolean }[] = [];
  gold.positions.forEach((g, gi) => {
    const keywords = g.keywords.map(normName);
    pred.positions.forEach((p, pi) => {
      if (p.holders.includes(g.holder) && keywords.some((k) => p.text.includes(k)))
        candidates.push({ gi, pi, required: !g.optional, sameStance: p.stance === g.stance });
    });
  });
  candidates.sort((a, b) => Number(b.required) - Number(a.required) || Number(b.sameStance) - Number(a.sameStance));
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const matches: typeof candidates = [];
  for (const c of candidates) {
    if (usedGold.has(c.gi) || usedPred.has(c.pi)) continue;
    usedGold.add(c.gi);
    usedPred.add(c.pi);
    matches.push(c);
  }
  const required = matches.filter((c) => c.required);
  const requiredGold = gold.positions.filter((g) => !g.optional);
  const figures: PositionFigures = {
    ...prf(required.length, pred.positions.length - matches.length, requiredGold.length - required.length),
    stance_agreement: share(required.map((c) => c.sameStance)),
  };
  return { figures, errors: { missed: gold.positions.filter((g, gi) => !g.optional && !usedGold.has(gi)) } };
}
