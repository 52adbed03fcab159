import type { Connection } from '@kg/neo4j';
import { activeCorrections } from './active';
import { formKey } from './names';
import { readCorrections, type StoredCorrection } from './store';

export interface Suggestion {
  /** Stable: the same pair gets the same id every time, so a dismissal sticks. */
  id: string;
  kind: 'duplicate-actors' | 'duplicate-meetings';
  /** The node kept if the suggestion is accepted, and the one merged into it. */
  keep: { label: 'Actor' | 'Meeting'; id: string; name: string };
  drop: { label: 'Actor' | 'Meeting'; id: string; name: string };
  reasons: string[];
}

interface ActorRow { id: string; name: string; kind: string; aliases: string[]; affiliation: string | null; degree: number }
interface MeetingRow { id: string; date: string | null; participants: string[]; place: string | null; degree: number }

/** Meetings this many days apart, with the same participants, may be one event reported with different dates. */
const NEARBY_DAYS = 3;

const words = (s: string) => formKey(s).split(' ').filter(Boolean);
const initials = (s: string) => words(s).filter((w) => !['of', 'the', 'for', 'and', 'de'].includes(w)).map((w) => w[0]).join('');

/** The tests that make two actors look like one, each named for what it matches. */
const ACTOR_TESTS: { reason: string; test: (a: ActorRow, b: ActorRow) => boolean }[] = [
  {
    reason: 'they share an alias',
    test: (a, b) => {
      const forms = new Set([a.name, ...a.aliases].map(formKey));
      return [b.name, ...b.aliases].some((f) => forms.has(formKey(f)));
    },
  },
  {
    reason: 'one name is the other with given names left out or spelled apart',
    test: (a, b) => {
      if (a.kind !== 'person') return false;
      const [x, y] = [words(a.name), words(b.name)];
      if (!x.length || !y.length || x.at(-1) !== y.at(-1)) return false;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      return short.slice(0, -1).every((w) => long.some((v) => v === w || (w.length === 1 && v.startsWith(w))));
    },
  },
  {
    reason: 'one name is the acronym of the other',
    test: (a, b) => a.kind !== 'person' && [[a, b], [b, a]].some(([s, l]) => words(s!.name).length === 1 && words(l!.name).length > 1 && formKey(s!.name).replace(/ /g, '') === initials(l!.name)),
  },
  {
    reason: 'same surname and same affiliation',
    test: (a, b) => a.kind === 'person' && !!a.affiliation && a.affiliation === b.affiliation && words(a.name).at(-1) === words(b.name).at(-1),
  },
];

/** Why two meetings with the same participants look like one: nearby dates, or, when a date is missing, the same place. */
function meetingsAlike(a: MeetingRow, b: MeetingRow): string | undefined {
  if (a.date && b.date) return daysApart(a.date, b.date) <= NEARBY_DAYS ? `dates ${daysApart(a.date, b.date)} days apart` : undefined;
  return a.place && a.place === b.place ? `same place (${a.place}), a date missing` : undefined;
}

const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/**
 * Likely duplicates, for an analyst to accept (merge) or dismiss: actors of
 * one kind whose names agree, and meetings with the same participants on
 * nearby dates. Rejected facts and dismissed suggestions are left out; the
 * better-connected node of a pair is the one proposed to keep.
 */
export async function suggest(conn: Connection): Promise<Suggestion[]> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const actors = (
      await session.run(`MATCH (a:Actor) WHERE a.rejected IS NULL
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases, a.affiliation AS affiliation, COUNT { (a)--() } AS degree ORDER BY a.id`)
    ).records.map((r) => r.toObject() as ActorRow);
    const meetings = (
      await session.run(`MATCH (m:Meeting) WHERE m.rejected IS NULL
RETURN m.id AS id, m.date AS date, m.place AS place, COUNT { (m)--() } AS degree,
  [(a:Actor)-[r:ATTENDED]->(m) WHERE r.rejected IS NULL | a.id] AS participants ORDER BY m.id`)
    ).records.map((r) => r.toObject() as MeetingRow);
    const dismissed = dismissedSuggestions(await readCorrections(session));
    const out: Suggestion[] = [];
    const byKind = group(actors, (a) => a.kind);
    for (const list of byKind.values())
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i]!, list[j]!];
          const reasons = ACTOR_TESTS.filter((t) => t.test(a, b)).map((t) => t.reason);
          if (reasons.length) out.push(pair('duplicate-actors', 'Actor', a, b, a.name, b.name, reasons));
        }
    const bySet = group(meetings.filter((m) => m.participants.length >= 2), (m) => [...m.participants].sort().join('|'));
    for (const list of bySet.values())
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i]!, list[j]!];
          const why = meetingsAlike(a, b);
          if (why) out.push(pair('duplicate-meetings', 'Meeting', a, b, `${a.date ?? 'undated'} ${a.place ?? ''}`.trim(), `${b.date ?? 'undated'} ${b.place ?? ''}`.trim(), ['same participants', why]));
        }
    return out.filter((s) => !dismissed.has(s.id));
  } finally {
    await session.close();
  }
}

function pair<R extends { id: string; degree: number }>(kind: Suggestion['kind'], label: 'Actor' | 'Meeting', a: R, b: R, an: string, bn: string, reasons: string[]): Suggestion {
  const [keep, drop] = b.degree > a.degree ? [{ r: b, n: bn }, { r: a, n: an }] : [{ r: a, n: an }, { r: b, n: bn }];
  const ids = [a.id, b.id].sort();
  return { id: `${kind}:${ids[0]}+${ids[1]}`, kind, keep: { label, id: keep.r.id, name: keep.n }, drop: { label, id: drop.r.id, name: drop.n }, reasons };
}

/** Suggestion ids dismissed and not undone. */
export function dismissedSuggestions(all: readonly StoredCorrection[]): Set<string> {
  const undone = new Set(all.filter((c) => c.op === 'undo' && 'correction' in c.target).map((c) => (c.target as { correction: string }).correction));
  return new Set(all.filter((c) => c.op === 'dismiss' && !undone.has(c.id) && 'suggestion' in c.target).map((c) => (c.target as { suggestion: string }).suggestion));
}

function group<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
