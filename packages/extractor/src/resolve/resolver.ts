import type { Actor, GraphBatch, Meeting, NodeRecord, RelRecord } from '@kg/graph-schema';
import type { ExtractedActor, ExtractedMeeting, Extraction } from '../extract/types';
import { positionObject } from '../extract/position-object';
import { shortHash, slug } from './ids';
import { givenNamesAgree, nameWords, normName, variantKey } from './names';
import { MeetingIndex, type KnownMeeting } from './meetings';

interface KnownPerson {
  id: string;
  surname: string;
  /** first name word, for names written family name first ("Xi Jinping" → "xi") */
  first: string;
  given: Set<string>;
  multiWord: boolean;
  lastSeen: number;
}

/**
 * Gives extracted facts their graph-wide identity, across all the articles
 * of a run (and, when seeded, of the database): "Vladimir Putin" in one
 * article and "Putin" in the next are one Actor, "Zelensky" and "Zelenskyy"
 * one person, and the same talks reported twice one Meeting.
 * Sequential and deterministic: the same articles in the same order give
 * the same ids.
 */
export class Resolver {
  private byForm = new Map<string, string>();
  private persons: KnownPerson[] = [];
  private personById = new Map<string, KnownPerson>();
  private kinds = new Map<string, Actor['kind']>();
  private meetings = new MeetingIndex();
  private clock = 0;
  /** surname (or first name) key → persons, so that a lookup does not scan everyone */
  private bySurname = new Map<string, KnownPerson[]>();
  private byFirst = new Map<string, KnownPerson[]>();
  /** a person's multi-word names with spaces and hyphens taken out */
  private byJoined = new Map<string, string>();

  /** Makes actors and meetings already in the database known, so new articles link to them. */
  seed(
    actors: Pick<Actor, 'id' | 'name' | 'kind' | 'aliases'>[],
    meetings: { id: string; date: string | null; participants: string[]; place?: string | null; status?: string }[],
  ): void {
    for (const a of actors) this.remember(a.id, a.kind, a.name, a.aliases ?? []);
    for (const m of meetings)
      this.meetings.add({ id: m.id, date: m.date, participants: new Set(m.participants), place: m.place ?? null, held: (m.status ?? 'held') === 'held', status: m.status ?? 'held' });
  }

  resolve(x: Extraction): GraphBatch {
    this.clock++;
    const { doc } = x;
    const nodes: NodeRecord[] = [];
    const rels: RelRecord[] = [];
    const article = { label: 'Article', id: doc.id } as const;
    nodes.push({
      label: 'Article',
      props: {
        id: doc.id,
        title: doc.title,
        source: doc.source,
        ...(doc.url ? { url: doc.url } : {}),
        ...(doc.published ? { published: doc.published } : {}),
        ...(doc.publisher ? { publisher: doc.publisher } : {}),
      },
    });
    // -- actors
    const idOf = new Map<string, string>();
    // non-persons first, so that affiliations can point at them; persons with full names before single names
    const order = [...x.actors].sort((a, b) => rank(a) - rank(b));
    for (const a of order) idOf.set(a.ref, this.actorId(a));
    const actorNodes = new Map<string, Actor>();
    for (const a of x.actors) {
      const id = idOf.get(a.ref)!;
      const aff = a.affiliation ? x.actors.find((b) => b.ref === a.affiliation!.ref) : undefined;
      const props: Actor = {
        id,
        name: a.name,
        kind: a.kind,
        aliases: [...new Set([a.name, ...a.aliases])],
        roles: a.roles,
        ...(aff && idOf.get(aff.ref) !== id ? { affiliation: aff.name } : {}),
      };
      const prev = actorNodes.get(id);
      if (prev) {
        prev.aliases = [...new Set([...prev.aliases, ...props.aliases])];
        prev.roles = [...new Set([...prev.roles, ...props.roles])];
        continue;
      }
      actorNodes.set(id, props);
    }
    for (const props of actorNodes.values()) nodes.push({ label: 'Actor', props });
    for (const a of x.actors) {
      const id = idOf.get(a.ref)!;
      for (const ev of a.mentions) rels.push({ type: 'MENTIONED_IN', from: { label: 'Actor', id }, to: article, props: ev });
      if (a.affiliation) {
        const to = idOf.get(a.affiliation.ref);
        if (to && to !== id)
          rels.push({ type: 'AFFILIATED_WITH', from: { label: 'Actor', id }, to: { label: 'Actor', id: to }, props: a.affiliation.role ? { role: a.affiliation.role } : {} });
      }
    }
    // -- meetings
    for (const m of x.meetings) {
      const participants = [...new Set(m.participants.map((p) => idOf.get(p.ref)).filter((id): id is string => !!id))];
      if (!participants.length) continue;
      const id = this.meetingId(m, participants, x, idOf, doc.id);
      const props: Meeting = {
        id,
        date: m.date,
        dateText: m.dateText,
        status: m.status,
        mode: m.mode,
        ...(m.place ? { place: m.place.name } : {}),
        ...(m.summary ? { summary: m.summary } : {}),
        ...(m.duration ? { duration: m.duration } : {}),
        ...(m.outcome ? { outcome: m.outcome } : {}),
      };
      nodes.push({ label: 'Meeting', props });
      for (const p of m.participants) {
        const actor = idOf.get(p.ref);
        if (actor) rels.push({ type: 'ATTENDED', from: { label: 'Actor', id: actor }, to: { label: 'Meeting', id }, props: p.role ? { role: p.role } : {} });
      }
      if (m.place) {
        const placeId = slug(m.place.name);
        nodes.push({ label: 'Place', props: { id: placeId, name: m.place.name, ...(m.place.country ? { country: m.place.country } : {}) } });
        rels.push({ type: 'HELD_IN', from: { label: 'Meeting', id }, to: { label: 'Place', id: placeId }, props: {} });
        for (const ev of m.evidence) rels.push({ type: 'MENTIONED_IN', from: { label: 'Place', id: placeId }, to: article, props: ev });
      }
      for (const ev of m.evidence) rels.push({ type: 'MENTIONED_IN', from: { label: 'Meeting', id }, to: article, props: ev });
    }
    // -- positions
    for (const p of x.positions) {
      const holder = idOf.get(p.holder);
      if (!holder) continue;
      const id = shortHash(holder, p.stance, p.statement.toLowerCase());
      const holderName = x.actors.find((a) => a.ref === p.holder)?.name;
      const object = positionObject(p.statement, p.issue);
      nodes.push({ label: 'Position', props: { id, stance: p.stance, statement: p.statement, ...(holderName ? { holder: holderName } : {}), ...(object ? { object } : {}), ...(p.date !== undefined ? { date: p.date } : {}) } });
      rels.push({ type: 'HOLDS', from: { label: 'Actor', id: holder }, to: { label: 'Position', id }, props: {} });
      rels.push({ type: 'MENTIONED_IN', from: { label: 'Position', id }, to: article, props: p.evidence });
      if (p.issue) {
        const issueId = slug(p.issue);
        nodes.push({ label: 'Issue', props: { id: issueId, name: p.issue } });
        rels.push({ type: 'ABOUT', from: { label: 'Position', id }, to: { label: 'Issue', id: issueId }, props: {} });
        rels.push({ type: 'MENTIONED_IN', from: { label: 'Issue', id: issueId }, to: article, props: p.evidence });
      }
    }
    return { nodes, rels };
  }

  private affiliationOf(x: Extraction, idOf: Map<string, string>, id: string): string | undefined {
    const a = x.actors.find((b) => idOf.get(b.ref) === id);
    return a?.affiliation ? idOf.get(a.affiliation.ref) : undefined;
  }

  // -- actors ---------------------------------------------------------------------------------

  private actorId(a: ExtractedActor): string {
    const forms = [a.name, ...a.aliases];
    if (a.kind !== 'person') {
      for (const f of forms) {
        const hit = this.byForm.get(`${a.kind}|${normName(f)}`);
        if (hit) return this.remember(hit, a.kind, a.name, a.aliases);
      }
      return this.remember(this.freshId(a.name, a.kind), a.kind, a.name, a.aliases);
    }
    // a person: the same full name, or the same surname (up to spelling) with agreeing given names
    for (const f of forms) {
      const hit = this.byForm.get(`person|${normName(f)}`);
      if (hit && nameWords(f).length > 1) return this.remember(hit, 'person', a.name, a.aliases);
    }
    // the same syllables hyphenated or apart: "Moon Jae-in" / "Moon Jae In", "Kim Jong-un" / "Kim Jong Un"
    for (const f of forms) {
      const hit = nameWords(f).length > 1 ? this.byJoined.get(joinedName(f)) : undefined;
      if (hit) return this.remember(hit, 'person', a.name, a.aliases);
    }
    const full = forms.filter((f) => nameWords(f).length > 1);
    const cands = new Set<KnownPerson>();
    if (full.length) {
      for (const f of full) {
        const w = nameWords(f);
        const sk = variantKey(w.at(-1)!);
        for (const p of this.bySurname.get(sk) ?? []) if (givenNamesAgree(w.slice(0, -1), [...p.given])) cands.add(p);
      }
    } else {
      const sk = variantKey(nameWords(a.name)[0] ?? a.name);
      for (const p of this.bySurname.get(sk) ?? []) cands.add(p);
      if (!cands.size) for (const p of this.byFirst.get(sk) ?? []) if (p.multiWord) cands.add(p);
    }
    // several people share the surname: the one seen most recently
    const best = [...cands].sort((x, y) => y.lastSeen - x.lastSeen)[0];
    if (best) return this.remember(best.id, 'person', a.name, a.aliases);
    return this.remember(this.freshId(full[0] ?? a.name, 'person'), 'person', a.name, a.aliases);
  }

  private freshId(name: string, kind: Actor['kind']): string {
    let id = slug(name);
    if (this.kinds.has(id) && this.kinds.get(id) !== kind) id = `${id}-${kind}`;
    let n = 2;
    const base = id;
    while (kind === 'person' && this.personById.has(id) && !this.byForm.has(`person|${normName(name)}`)) id = `${base}-${n++}`;
    return id;
  }

  private remember(id: string, kind: Actor['kind'], name: string, aliases: string[]): string {
    this.kinds.set(id, kind);
    for (const f of [name, ...aliases]) {
      const n = normName(f);
      if (n) this.byForm.set(`${kind}|${n}`, id);
    }
    if (kind === 'person') {
      let p = this.personById.get(id);
      if (!p) {
        const w = nameWords(name);
        p = { id, surname: variantKey(w.at(-1) ?? name), first: variantKey(w[0] ?? name), given: new Set(), multiWord: w.length > 1, lastSeen: this.clock };
        this.personById.set(id, p);
        this.persons.push(p);
        this.bySurname.set(p.surname, [...(this.bySurname.get(p.surname) ?? []), p]);
        this.byFirst.set(p.first, [...(this.byFirst.get(p.first) ?? []), p]);
      }
      for (const f of [name, ...aliases]) {
        const w = nameWords(f);
        if (w.length > 1 && !this.byJoined.has(joinedName(f))) this.byJoined.set(joinedName(f), id);
        if (w.length > 1) {
          w.slice(0, -1).forEach((g) => p!.given.add(g));
          if (!p.multiWord) {
            p.multiWord = true;
            p.first = variantKey(w[0]!);
            this.byFirst.set(p.first, [...(this.byFirst.get(p.first) ?? []), p]);
          }
        }
      }
      p.lastSeen = this.clock;
    }
    return id;
  }

  // -- meetings -------------------------------------------------------------------------------

  private meetingId(m: ExtractedMeeting, participants: string[], x: Extraction, idOf: Map<string, string>, article: string): string {
    const place = m.place?.name ?? null;
    const expanded = new Set(participants);
    for (const p of participants) {
      const c = this.affiliationOf(x, idOf, p);
      if (c) expanded.add(c);
    }
    const affiliations = new Map<string, string>();
    for (const p of participants) {
      const c = this.affiliationOf(x, idOf, p);
      if (c) affiliations.set(p, c);
    }
    const persons = new Set(participants.filter((p) => this.personById.has(p)));
    const hit = this.meetings.find({ date: m.date, participants: new Set(participants), expanded, affiliations, persons, place, placeCountry: m.place?.country ?? null, held: m.status === 'held', status: m.status, article, ...(m.ordinal ? { ordinal: m.ordinal } : {}) });
    if (hit) {
      hit.articles?.add(article);
      participants.forEach((p) => hit.participants.add(p));
      expanded.forEach((p) => hit.expanded?.add(p));
      hit.date ??= m.date;
      hit.place ??= place;
      this.meetings.grow(hit, expanded);
      return hit.id;
    }
    // the first article that reports it is part of the id: two meetings alike in every field stay two
    const id = `${m.date ?? 'undated'}-${shortHash([...participants].sort().join(','), m.date ?? '', place ?? '', m.status, article)}`;
    const known: KnownMeeting = { id, date: m.date, participants: new Set(participants), expanded, place, placeCountry: m.place?.country ?? null, held: m.status === 'held', status: m.status, articles: new Set([article]), ...(m.ordinal ? { ordinal: m.ordinal } : {}) };
    this.meetings.add(known);
    return id;
  }
}

const joinedName = (f: string) => normName(f).replace(/[ -]+/g, '');

/** Resolution order within an article: countries and organizations, then full names, then single names. */
function rank(a: ExtractedActor): number {
  if (a.kind !== 'person') return 0;
  return nameWords(a.name).length > 1 ? 1 : 2;
}
