import type { GoldMeetingEntry, GoldSet } from '../gold-set';
import { normName } from '../names';
import type { PredictedGraph, PredictedMeeting } from '../predicted';
import { share } from './prf';

export interface MeetingFigures {
  gold: number;
  predicted: number;
  /** Share of gold meetings aligned with a predicted one; null when the gold has no meeting. */
  recall: number | null;
  held_recall: number | null;
  planned_recall: number | null;
  /** Of the aligned meetings whose gold date (place) is known, the share predicted right. */
  date_accuracy: number | null;
  place_accuracy: number | null;
  /** Of the aligned meetings, the share whose held / not held agrees. */
  status_accuracy: number | null;
}

export interface Aligned {
  gold: GoldMeetingEntry;
  pred: PredictedMeeting;
  overlap: number;
}

export interface MeetingErrors {
  missed: string[];
  wrongDates: { key: string; gold: string; predicted: string | null }[];
}

/**
 * Pairs gold and predicted meetings one to one, greedily by participant
 * overlap: a candidate pair needs at least half of the gold participants in
 * the predicted meeting, and at least two of them (one for a gold meeting
 * with a single participant). Highest overlap first; ties in gold order,
 * then predicted order.
 */
export function alignMeetings(gold: GoldSet, pred: PredictedGraph): Aligned[] {
  const candidates: Aligned[] = [];
  for (const g of gold.meetings.values())
    for (const p of pred.meetings) {
      const hit = [...g.participants].filter((id) => p.ids.has(id)).length;
      const overlap = hit / g.participants.size;
      if (overlap >= 0.5 && hit >= Math.min(2, g.participants.size)) candidates.push({ gold: g, pred: p, overlap });
    }
  candidates.sort((a, b) => b.overlap - a.overlap); // stable: ties keep their order
  const usedGold = new Set<string>();
  const usedPred = new Set<string>();
  const aligned: Aligned[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold.key) || usedPred.has(c.pred.key)) continue;
    usedGold.add(c.gold.key);
    usedPred.add(c.pred.key);
    aligned.push(c);
  }
  return aligned;
}

const placeAgrees = (predPlaces: string[], goldPlaces: string[]) =>
  predPlaces.some((pl) =>
    goldPlaces.some((gp) => {
      const g = normName(gp);
      return pl.includes(g) || g.includes(pl);
    }),
  );

export function scoreMeetings(gold: GoldSet, pred: PredictedGraph): { figures: MeetingFigures; errors: MeetingErrors } {
  const aligned = alignMeetings(gold, pred);
  const found = new Set(aligned.map((c) => c.gold.key));
  const all = [...gold.meetings.values()];
  const recallOf = (ms: GoldMeetingEntry[]) => (ms.length ? ms.filter((m) => found.has(m.key)).length / ms.length : null);
  const dated = aligned.filter((c) => c.gold.date);
  const figures: MeetingFigures = {
    gold: all.length,
    predicted: pred.meetings.length,
    recall: recallOf(all),
    held_recall: recallOf(all.filter((m) => m.status === 'held')),
    planned_recall: recallOf(all.filter((m) => m.status === 'planned')),
    date_accuracy: share(dated.map((c) => c.pred.date === c.gold.date)),
    place_accuracy: share(aligned.flatMap((c) => (c.gold.place ? [placeAgrees(c.pred.places, c.gold.place)] : []))),
    status_accuracy: share(aligned.map((c) => (c.gold.status === 'held') === c.pred.held)),
  };
  return {
    figures,
    errors: {
      missed: all.filter((m) => !found.has(m.key)).map((m) => m.key),
      wrongDates: dated.filter((c) => c.pred.date !== c.gold.date).map((c) => ({ key: c.gold.key, gold: c.gold.date!, predicted: c.pred.date })),
    },
  };
}
