import type { ActorKind, MeetingStatus, Stance } from '@kg/graph-schema';
import type { LoadedGold } from './gold-files';
import { normName } from './names';

export interface GoldActorEntry {
  id: string;
  /** Name and kind as the first gold file (in name order) gives them. */
  name: string;
  kind: ActorKind;
  /** Normalised name and aliases from every gold file that lists the actor. */
  aliases: Set<string>;
}

export interface GoldMeetingEntry {
  key: string;
  participants: Set<string>;
  /** Implied participants that no gold file names as a participant. */
  optional: Set<string>;
  date: string | null;
  place: string[] | null;
  status: MeetingStatus;
}

export interface GoldPositionEntry {
  holder: string;
  stance: Stance;
  keywords: string[];
  /** Optional only if every gold file that reports it says so. */
  optional: boolean;
  /** The gold file that first reports it. */
  file: string;
}

/** All gold files of a folder merged into one annotation of the whole corpus, as extraction merges across articles. */
export interface GoldSet {
  files: number;
  actors: Map<string, GoldActorEntry>;
  ignore: Set<string>;
  meetings: Map<string, GoldMeetingEntry>;
  positions: GoldPositionEntry[];
}

export function mergeGold(files: readonly LoadedGold[]): GoldSet {
  const set: GoldSet = { files: files.length, actors: new Map(), ignore: new Set(), meetings: new Map(), positions: [] };
  const positionByKey = new Map<string, GoldPositionEntry>();
  for (const { name, gold } of files) {
    for (const a of gold.actors) {
      const entry = set.actors.get(a.id) ?? { id: a.id, name: a.name, kind: a.kind, aliases: new Set<string>() };
      for (const form of [a.name, ...(a.aliases ?? [])]) entry.aliases.add(normName(form));
      set.actors.set(a.id, entry);
    }
    for (const n of gold.ignore) set.ignore.add(normName(n));
    gold.meetings.forEach((m, i) => {
      // A meeting without a key is its article's own; one with a key may be reported by several articles.
      const key = m.key ?? `${name}#${i}`;
      const entry = set.meetings.get(key) ?? { key, participants: new Set(), optional: new Set(), date: null, place: null, status: m.status };
      for (const p of m.participants) entry.participants.add(p);
      for (const p of m.optional ?? []) entry.optional.add(p);
      entry.date ??= m.date ?? null;
      if (m.place) entry.place = [...new Set([...(entry.place ?? []), ...m.place])];
      // planned in an early report, held in a later one
      if (m.status === 'held') entry.status = 'held';
      set.meetings.set(key, entry);
    });
    for (const p of gold.positions) {
      // the same stance reported by several articles is one position
      const key = [p.holder, p.stance, [...p.keywords].sort().join('/')].join('|');
      const twin = positionByKey.get(key);
      if (twin) twin.optional &&= p.optional === true;
      else {
        const entry: GoldPositionEntry = { holder: p.holder, stance: p.stance, keywords: p.keywords, optional: p.optional === true, file: name };
        positionByKey.set(key, entry);
        set.positions.push(entry);
      }
    }
  }
  // Named as a participant anywhere, a person is required for that meeting.
  for (const m of set.meetings.values()) for (const p of m.participants) m.optional.delete(p);
  return set;
}
