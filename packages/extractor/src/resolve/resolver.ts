import type { Actor, GraphBatch, Meeting, NodeRecord, RelRecord } from '@kg/graph-schema';
import type { Extraction } from '../extract/types';
import { shortHash, slug } from './ids';
import { normName, surnameOf } from './names';

interface KnownMeeting {
  id: string;
  date: string | null;
  participants: Set<string>;
}

/**
 * Gives extracted facts their graph-wide identity, across all the articles
 * of a run (and, when seeded, of the database): the same person named
 * "Vladimir Putin" in one article and "Putin" in the next is one Actor, and
 * the same talks reported twice are one Meeting.
 */
export class Resolver {
  private byForm = new Map<string, string>();
  private bySurname = new Map<string, Set<string>>();
  private kinds = new Map<string, Actor['kind']>();
  private meetingsByDate = new Map<string, KnownMeeting[]>();

  /** Makes actors and meetings already in the database known, so new articles link to them. */
  seed(actors: Pick<Actor, 'id' | 'name' | 'kind' | 'aliases'>[], meetings: { id: string; date: string | null; participants: string[] }[]): void {
    for (const a of actors) this.remember(a.id, a.kind, [a.name, ...a.aliases]);
    for (const m of meetings) this.rememberMeeting({ id: m.id, date: m.date, participants: new Set(m.participants) });
  }

  resolve(x: Extraction): GraphBatch {
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
    const idOf = new Map<string, string>();
    for (const a of x.actors) {
      const id = this.actorId(a.name, a.kind, a.aliases);
      idOf.set(a.ref, id);
      nodes.push({ label: 'Actor', props: { id, name: a.name, kind: a.kind, aliases: a.aliases, roles: a.roles } });
      for (const ev of a.mentions) rels.push({ type: 'MENTIONED_IN', from: { label: 'Actor', id }, to: article, props: ev });
    }
    for (const a of x.actors) {
      if (!a.affiliation) continue;
      const to = idOf.get(a.affiliation.ref);
      const from = idOf.get(a.ref)!;
      if (!to || to === from) continue;
      const node = nodes.find((n) => n.label === 'Actor' && n.props.id === from)!;
      const target = x.actors.find((b) => b.ref === a.affiliation!.ref)!;
      (node.props as Actor).affiliation = target.name;
      rels.push({
        type: 'AFFILIATED_WITH',
        from: { label: 'Actor', id: from },
        to: { label: 'Actor', id: to },
        props: a.affiliation.role ? { role: a.affiliation.role } : {},
      });
    }
    for (const m of x.meetings) {
      const participants = [...new Set(m.participants.map((p) => idOf.get(p.ref)).filter((id): id is string => !!id))];
      const id = this.meetingId(m.date, participants, m.place?.name);
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
      }
      for (const ev of m.evidence) rels.push({ type: 'MENTIONED_IN', from: { label: 'Meeting', id }, to: article, props: ev });
    }
    for (const p of x.positions) {
      const holder = idOf.get(p.holder);
      if (!holder) continue;
      const id = shortHash(holder, p.stance, p.statement.toLowerCase());
      nodes.push({ label: 'Position', props: { id, stance: p.stance, statement: p.statement, ...(p.date !== undefined ? { date: p.date } : {}) } });
      rels.push({ type: 'HOLDS', from: { label: 'Actor', id: holder }, to: { label: 'Position', id }, props: {} });
      rels.push({ type: 'MENTIONED_IN', from: { label: 'Position', id }, to: article, props: p.evidence });
      if (p.issue) {
        const issueId = slug(p.issue);
        nodes.push({ label: 'Issue', props: { id: issueId, name: p.issue } });
        rels.push({ type: 'ABOUT', from: { label: 'Position', id }, to: { label: 'Issue', id: issueId }, props: {} });
      }
    }
    return { nodes, rels };
  }

  private actorId(name: string, kind: Actor['kind'], aliases: string[]): string {
    const forms = [name, ...aliases].map(normName).filter(Boolean);
    for (const f of forms) {
      const hit = this.byForm.get(`${kind}|${f}`);
      if (hit) return this.remember(hit, kind, [name, ...aliases]);
    }
    if (kind === 'person') {
      // "Putin" after "Vladimir Putin" (or before it): one person when the surname is unambiguous.
      const sur = surnameOf(name);
      const same = [...(this.bySurname.get(sur) ?? [])];
      if (same.length === 1) return this.remember(same[0]!, kind, [name, ...aliases]);
    }
    let id = slug(name);
    if (this.kinds.has(id) && this.kinds.get(id) !== kind) id = `${id}-${kind}`;
    return this.remember(id, kind, [name, ...aliases]);
  }

  private remember(id: string, kind: Actor['kind'], forms: string[]): string {
    this.kinds.set(id, kind);
    for (const f of forms) {
      const n = normName(f);
      if (n) this.byForm.set(`${kind}|${n}`, id);
    }
    if (kind === 'person') {
      const sur = surnameOf(forms[0] ?? '');
      if (sur) this.bySurname.set(sur, new Set([...(this.bySurname.get(sur) ?? []), id]));
    }
    return id;
  }

  private meetingId(date: string | null, participants: string[], place?: string): string {
    const key = date ?? 'undated';
    const candidates = this.meetingsByDate.get(key) ?? [];
    // The same talks reported by another article: same date, and two
    // participants in common (or all of them, for a meeting of two).
    for (const m of candidates) {
      const shared = participants.filter((p) => m.participants.has(p)).length;
      if (date && shared >= Math.min(2, participants.length, m.participants.size)) {
        participants.forEach((p) => m.participants.add(p));
        return m.id;
      }
    }
    const id = `${date ?? 'undated'}-${shortHash([...participants].sort().join(','), date ?? '', place ?? '')}`;
    this.rememberMeeting({ id, date, participants: new Set(participants) });
    return id;
  }

  private rememberMeeting(m: KnownMeeting): void {
    const key = m.date ?? 'undated';
    const list = this.meetingsByDate.get(key) ?? [];
    list.push(m);
    this.meetingsByDate.set(key, list);
  }
}
