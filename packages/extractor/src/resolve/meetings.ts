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
  /** the last query that listed it as a candidate (MeetingIndex.find) */
  mark?: number;
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

const pairKey = (a: string, b: string) => `2\u0000${a}\u0000${b}`;

export class MeetingIndex {
  /**
   * Every rule of `score` needs, besides actors in common, one more thing: two participants in
   * common, one a person (rule 1), the same day, or the same place. So meetings are indexed under pairs of
   * participants, (actor, day), (actor, place) and (actor, place, undated) keys, and a query reads only the lists that can
   * hold a match: scanning every meeting of a country, or of a leader, that talks every week
   * would grow with the corpus.
   */
  private byKey = new Map<string, KnownMeeting[]>();
  /** actors each meeting is indexed under (participants, their countries, and actors it grew by) */
  private actorsOf = new Map<KnownMeeting, Set<string>>();
  private keysOf = new Map<KnownMeeting, Set<string>>();
  private indexedAs = new Map<KnownMeeting, { actors: number; participants: number; date: string | null; place: string | null }>();
  private seq = 0;
  private queries = 0;

  add(m: KnownMeeting): void {
    // the order meetings became known in: ties go to the oldest
    m.seq = this.seq++;
    m.mark = -1;
    this.actorsOf.set(m, new Set([...m.participants, ...(m.expanded ?? [])]));
    this.keysOf.set(m, new Set());
    this.reindex(m);
  }

  /** a merged meeting gains participants (and maybe a date or a place): index them too */
  grow(m: KnownMeeting, ids: Iterable<string>): void {
    let actors = this.actorsOf.get(m);
    if (!actors) {
      this.add(m);
      actors = this.actorsOf.get(m)!;
    }
    for (const p of ids) actors.add(p);
    for (const p of m.participants) actors.add(p);
    this.reindex(m);
  }

  private reindex(m: KnownMeeting): void {
    // the keys are a function of the actors, the participants, the date and the place; the sets only
    // grow, so equal sizes mean equal sets: a merge that brought nothing new has nothing to index
    const actors = this.actorsOf.get(m)!;
    const was = this.indexedAs.get(m);
    if (was && was.actors === actors.size && was.participants === m.participants.size && was.date === m.date && was.place === m.place) return;
    this.indexedAs.set(m, { actors: actors.size, participants: m.participants.size, date: m.date, place: m.place });
    const keys = this.keysOf.get(m)!;
    for (const p of this.actorsOf.get(m)!) {
      if (m.date) this.put(m, keys, `d\u0000${p}\u0000${m.date}`);
      if (m.place) this.put(m, keys, `p\u0000${p}\u0000${m.place}`);
      if (m.place && !m.date) this.put(m, keys, `u\u0000${p}\u0000${m.place}`);
    }
    // a meeting of one party, by its place: the only kind an undated report of several parties
    // without a person in common can match (rule 2 with `smaller === 1`). Participants only grow and
    // every growth reindexes, so a meeting of one party now was one at its last reindex.
    if (m.place && m.participants.size === 1) for (const p of m.participants) this.put(m, keys, `s\u0000${p}\u0000${m.place}`);
    const ps = [...m.participants].sort();
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) this.put(m, keys, pairKey(ps[i]!, ps[j]!));
  }

  /** Lists m under key k (once). (A method, not a closure: a named closure costs a property definition each time it is made, under the transform that runs this code.) */
  private put(m: KnownMeeting, keys: Set<string>, k: string): void {
    if (keys.has(k)) return;
    keys.add(k);
    const l = this.byKey.get(k);
    if (l) l.push(m);
    else this.byKey.set(k, [m]);
  }

  find(q: MeetingQuery): KnownMeeting | undefined {
    let best: KnownMeeting | undefined;
    let bestScore = 0;
    // a meeting listed under several keys is a candidate once: marked with the query's number
    const mark = this.queries++;
    const cands: KnownMeeting[] = [];
    // two participants in common with a person among them (rule 1 without the same day or place),
    // the same day (rule 2 needs a participant in common), the same place (a participant or a
    // participant's country in common: rules 2 and 3)
    const ps = [...q.participants].sort();
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) if (q.persons.has(ps[i]!) || q.persons.has(ps[j]!)) this.take(mark, cands, pairKey(ps[i]!, ps[j]!));
    if (q.date) for (const p of q.expanded) this.take(mark, cands, `d\u0000${p}\u0000${q.date}`);
    // a dated report meets a placed one of another day only when that one is undated (rule 2)
    if (q.place) {
      if (q.date) for (const p of q.expanded) this.take(mark, cands, `u\u0000${p}\u0000${q.place}`);
      else if (q.participants.size > 1 && !(q.ordinal && NTH.test(q.ordinal))) {
        // undated, several parties, no numbered round: every rule then needs a person in common, or
        // a known meeting of a single party (rule 2). The lists of a country at a place grow with
        // every undated meeting there that two countries alone never merge, so they are not read.
        for (const p of q.persons) if (q.expanded.has(p)) this.take(mark, cands, `p\u0000${p}\u0000${q.place}`);
        for (const p of q.participants) if (q.expanded.has(p)) this.take(mark, cands, `s\u0000${p}\u0000${q.place}`);
      } else for (const p of q.expanded) this.take(mark, cands, `p\u0000${p}\u0000${q.place}`);
    }
    // first known first, as a full scan would visit them: ties go to the oldest (the lowest seq;
    // no sort needed, seqs are distinct)
    let bestSeq = 0;
    for (let i = 0; i < cands.length; i++) {
      const m = cands[i]!;
      const s = score(m, q);
      if (s === 0 || s < bestScore) continue;
      const seq = m.seq ?? 0;
      if (s > bestScore || seq < bestSeq) (best = m), (bestScore = s), (bestSeq = seq);
    }
    return best;
  }

  /** The meetings listed under key k not yet among the candidates of query `mark`. */
  private take(mark: number, cands: KnownMeeting[], k: string): void {
    const l = this.byKey.get(k);
    if (!l) return;
    for (let i = 0; i < l.length; i++) {
      const m = l[i]!;
      if (m.mark !== mark) (m.mark = mark), cands.push(m);
    }
  }
}

// "the first round" and "another round" are two meetings
const ROUND = /^(first|second|third|fourth|fifth|next|another)$/;
const NTH = /^(first|second|third|fourth|fifth)$/;
const DAY_MS = 86400000;
const dayMs = new Map<string, number>();
const parseDay = (d: string): number => {
  let t = dayMs.get(d);
  if (t === undefined) {
    t = Date.parse(d);
    if (dayMs.size < 100000) dayMs.set(d, t);
  }
  return t;
};

/** How well a known meeting fits a reported one: 0 = another meeting. Exported for tests. */
export function score(m: KnownMeeting, q: MeetingQuery): number {
  // (most candidates score 0 anyway: the article's set, which grows with the corpus, is read last)
  const s = scoreOf(m, q);
  return s && q.article && m.articles?.has(q.article) ? 0 : s;
}

function scoreOf(m: KnownMeeting, q: MeetingQuery): number {
  if (m.ordinal && q.ordinal && m.ordinal !== q.ordinal && ROUND.test(m.ordinal) && ROUND.test(q.ordinal)) return 0;
  // a meeting only proposed is not the one held (planned then held is: an early report, a later one)
  if ((m.status === 'proposed') !== (q.status === 'proposed') || (m.status === 'cancelled') !== (q.status === 'cancelled')) return 0;
  const dateKnownBoth = !!(m.date && q.date);
  if (dateKnownBoth && Math.abs(parseDay(m.date!) - parseDay(q.date!)) > DAY_MS) return 0;
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
  let direct = 0;
  let persons = 0;
  for (const p of q.participants)
    if (m.participants.has(p)) {
      direct++;
      if (q.persons.has(p)) persons++;
    }
  const smaller = Math.min(q.participants.size, m.participants.size);
  // two actors in common with a person among them: the same talks. Two countries alone are not
  // enough (the same two countries talk many times) unless the day, or the city of undated talks, is the same.
  const sameRound = !!(m.ordinal && q.ordinal && m.ordinal === q.ordinal && NTH.test(m.ordinal));
  if (direct >= 2 && (persons >= 1 || sameDay || (samePlace && !m.date && !q.date && sameRound))) return 10 + direct + (sameDay ? 5 : 0) + (samePlace ? 3 : 0);
  if (direct >= 1 && direct === smaller && (sameDay || (samePlace && (!m.date || !q.date) && (persons >= 1 || smaller === 1)))) return 5 + (sameDay ? 5 : 0) + (samePlace ? 3 : 0);
  // a person counts for his country, once
  if (!samePlace) return 0;
  // rule 3 needs the same day, or both undated with the same round or a person in common: checked before counting
  if (!(sameDay || (!m.date && !q.date && (sameRound || persons >= 1)))) return 0;
  const mExp = m.expanded ?? m.participants;
  let overlap = 0;
  for (const p of q.participants) {
    const aff = q.affiliations.get(p);
    if (mExp.has(p) || (aff && m.participants.has(aff))) overlap++;
  }
  if (overlap >= 2) return 3 + overlap;
  return 0;
}
