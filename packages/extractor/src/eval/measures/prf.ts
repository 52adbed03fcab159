/** Counts and the precision, recall and F1 they give (0 where a ratio has nothing to divide by). */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Share of true values, or null when there is nothing to judge. */
export function share(judgements: readonly boolean[]): number | null {
  return judgements.length ? judgements.filter(Boolean).length / judgements.length : null;
}
