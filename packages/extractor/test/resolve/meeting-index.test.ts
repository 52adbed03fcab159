import { MeetingIndex, score, type KnownMeeting, type MeetingQuery } from '../../src/resolve/meetings';

/**
 * The index reads only the lists that can hold a match (pairs of participants with a person, the
 * same day, the same place): it must pick exactly the meeting a scan of every known meeting picks.
 */
describe('MeetingIndex', () => {
  // a small deterministic generator, so that a failure reproduces
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const persons = ['p:putin', 'p:witkoff', 'p:zelensky', 'p:umerov', 'p:rubio'];
  const countries = ['c:russia', 'c:ukraine', 'c:us', 'c:turkey'];
  const countryOf: Record<string, string> = { 'p:putin': 'c:russia', 'p:witkoff': 'c:us', 'p:zelensky': 'c:ukraine', 'p:umerov': 'c:ukraine', 'p:rubio': 'c:us' };
  const dates = [null, '2025-05-16', '2025-05-17', '2025-12-02'];
  const places = [null, 'Istanbul', 'Moscow', 'Turkey'];
  const statuses = ['held', 'held', 'planned', 'proposed'];
  const ordinals = [undefined, undefined, 'first', 'second', 'another'];
  const pick = <T>(xs: T[]) => xs[rnd(xs.length)]!;
  const query = (k: number): MeetingQuery & { participants: Set<string> } => {
    const participants = new Set<string>();
    const n = 1 + rnd(3);
    while (participants.size < n) participants.add(rnd(2) ? pick(persons) : pick(countries));
    const affiliations = new Map<string, string>();
    for (const p of participants) if (countryOf[p]) affiliations.set(p, countryOf[p]!);
    const ordinal = pick(ordinals);
    return {
      date: pick(dates),
      participants,
      expanded: new Set([...participants, ...affiliations.values()]),
      affiliations,
      persons: new Set([...participants].filter((p) => p.startsWith('p:'))),
      place: pick(places),
      placeCountry: null,
      held: true,
      status: pick(statuses),
      ...(ordinal ? { ordinal } : {}),
      article: `a${k % 40}`,
    };
  };

  it('finds the same meeting as a scan of every known meeting', () => {
    const index = new MeetingIndex();
    const all: KnownMeeting[] = [];
    let merged = 0;
    for (let k = 0; k < 600; k++) {
      const q = query(k);
      let expected: KnownMeeting | undefined;
      let best = 0;
      for (const m of all) {
        const s = score(m, q);
        if (s > best) (best = s), (expected = m);
      }
      const hit = index.find(q);
      expect(hit?.id).toBe(expected?.id);
      if (hit) {
        merged++;
        hit.articles?.add(q.article!);
        q.participants.forEach((p) => hit.participants.add(p));
        q.expanded.forEach((p) => hit.expanded?.add(p));
        hit.date ??= q.date;
        hit.place ??= q.place;
        index.grow(hit, q.expanded);
      } else {
        const m: KnownMeeting = { id: `m${k}`, date: q.date, participants: new Set(q.participants), expanded: new Set(q.expanded), place: q.place, placeCountry: null, held: true, status: q.status, articles: new Set([q.article!]), ...(q.ordinal ? { ordinal: q.ordinal } : {}) };
        index.add(m);
        all.push(m);
      }
    }
    // the generator gives both cases
    expect(merged).toBeGreaterThan(50);
    expect(all.length).toBeGreaterThan(50);
  });
});
