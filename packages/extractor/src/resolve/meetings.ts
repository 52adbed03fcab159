/**
 * Which already-known meeting a newly reported one is. The same talks are
 * reported with different words by different articles, so identity rests on
 * who took part, when and where:
 *  - dates must agree when both are known (a day apart at most: multi-day talks);
 *  - places must agree when both are known (a city agrees with its country);
 *  - and the participants must overlap: two actors in common, or one when the
 *    smaller report is contained in the larger one on the same known day or
 *    in the same city; counting a person's country for its person only when
 *    both reports are undated or on the same day and in the same city.
 */
export interface KnownMeeting {
  id: string;
  date: string | null;
  participants: Set<string>;
  /** participants plus the countries of the persons among them */
  expanded?: Set<string>;
  persons?: Set<string>;
  place: string | null;
  placeCountry?: string | null;
  held: boolean;
  status?: string;
  ordinal?: string;
  /** articles that reported it: a second meeting of the same article is another meeting */
  articles?: Set<string>;
  seq?: number;
}

export interface MeetingQuery {
  date: string | null;
  participants: Set<string>;
  /** participants plus the countries of the persons among them */
  expanded: Set<string>;
  /** person → country */
  affiliations: Map<string, string>;
  persons: Set<string>;
  place: string | null;
  placeCountry: string | null;
  held: boolean;
  status: string;
  ordinal?: string;
  article?: string;
}

export class MeetingIndex {
  /** participant (or a participant's country) → meetings: every rule needs one actor in common */
  private byActor = new Map<string, KnownMeeting[]>();

  add(m: KnownMeeting): void {
    for (const p of new Set([...m.participants, ...(m.expanded ?? [])])) this.index(p, m);
  }

  /** a merged meeting gains participants: index them too */
  grow(m: KnownMeeting, ids: Iterable<string>): void {
    for (const p of ids) if (!(this.byActor.get(p) ?? []).includes(m)) this.index(p, m);
  }

  private index(p: string, m: KnownMeeting): void {
    const l = this.byActor.get(p);
    if (l) l.push(m);
    else this.byActor.set(p, [m]);
  }

  find(q: MeetingQuery): KnownMeeting | undefined {
    let best: KnownMeeting | undefined;
    let bestScore = 0;
    const seen = new Set<KnownMeeting>();
    const cands: KnownMeeting[] = [];
    for (const p of new Set([...q.participants, ...q.expanded])) for (const m of this.byActor.get(p) ?? []) if (!seen.has(m)) seen.add(m), cands.push(m);
    // first known first, as a full scan would visit them: ties go to the oldest
    cands.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    for (const m of cands) {
      const s = score(m, q);
      if (s > bestScore) (best = m), (bestScore = s);
    }
    return best;
  }
}

function score(m: KnownMeeting, q: MeetingQuery): number {
  if (q.article && m.articles?.has(q.article)) return 0;
  // "the first round" and "another round" are two meetings
  const ROUND = /^(first|second|third|fourth|fifth|next|another)$/;
  if (m.ordinal && q.ordinal && ROUND.test(m.ordinal) && ROUND.test(q.ordinal) && m.ordinal !== q.ordinal) return 0;
  // a meeting only proposed is not the one held (planned then held is: an early report, a later one)
  if ((m.status === 'proposed') !== (q.status === 'proposed') || (m.status === 'cancelled') !== (q.status === 'cancelled')) return 0;
  const dateKnownBoth = !!(m.date && q.date);
  if (dateKnownBoth && Math.abs(Date.parse(m.date!) - Date.parse(q.date!)) > 86400000) return 0;
  const sameDay = dateKnownBoth && m.date === q.date;
  const placeBoth = !!(m.place && q.place);
  const samePlace = placeBoth && m.place === q.place;
  if (placeBoth && !samePlace) {
    const mc = m.placeCountry ?? m.place;
    const qc = q.placeCountry ?? q.place;
    // a city and its country agree; two different cities do not
    const cityVsCountry = m.place === qc || q.place === mc;
    if (!cityVsCountry) return 0;
  }
  const shared = [...q.participants].filter((p) => m.participants.has(p));
  const direct = shared.length;
  const persons = shared.filter((p) => q.persons.has(p)).length;
  const smaller = Math.min(q.participants.size, m.participants.size);
  // two actors in common with a person among them: the same talks. Two countries alone are not
  // enough (the same two countries talk many times) unless the day, or the city of undated talks, is the same.
  const sameRound = !!(m.ordinal && q.ordinal && m.ordinal === q.ordinal && /^(first|second|third|fourth|fifth)$/.test(m.ordinal));
  if (direct >= 2 && (persons >= 1 || sameDay || (samePlace && !m.date && !q.date && sameRound))) return 10 + direct + (sameDay ? 5 : 0) + (samePlace ? 3 : 0);
  if (direct >= 1 && direct === smaller && (sameDay || (samePlace && (!m.date || !q.date) && (persons >= 1 || smaller === 1)))) return 5 + (sameDay ? 5 : 0) + (samePlace ? 3 : 0);
  // a person counts for his country, once
  const mExp = m.expanded ?? m.participants;
  const overlap = [...q.participants].filter((p) => mExp.has(p) || (q.affiliations.get(p) && m.participants.has(q.affiliations.get(p)!))).length;
  if (overlap >= 2 && samePlace && (sameDay || (!m.date && !q.date && (sameRound || persons >= 1)))) return 3 + overlap;
  return 0;
}
