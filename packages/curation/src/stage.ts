import { isNodeTarget, isRelTarget, type Correction, type GraphBatch, type NodeRecord, type NodeTarget, type RelRecord } from '@kg/graph-schema';
import type { MergePayload } from './merge-db';
import type { SplitMeetingPayload } from './apply-db';
import { formKey } from './names';

type Props = Record<string, unknown>;

/**
 * The corrections, applied to what the resolver made of new articles before
 * it is written: a merged node's id and aliases lead to the kept node, a
 * rejected fact is written rejected, an edit or a confirmation holds. So
 * re-ingesting, or ingesting new articles, never brings back what an analyst
 * corrected. Every node and relationship leaves with its origin.
 */
export class CorrectionStage {
  constructor(private readonly corrections: readonly Correction[]) {}

  get size(): number {
    return this.corrections.length;
  }

  apply(batch: GraphBatch): GraphBatch {
    let nodes: NodeRecord[] = batch.nodes.map((n) => ({ label: n.label, props: { ...n.props } }) as NodeRecord);
    let rels: RelRecord[] = batch.rels.map((r) => ({ ...r, from: { ...r.from }, to: { ...r.to }, props: { ...r.props } }) as RelRecord);
    for (const n of nodes) if (n.label !== 'Article') (n.props as Props).origin ??= 'extracted';
    for (const r of rels) (r.props as Props).origin ??= 'extracted';
    for (const c of this.corrections) {
      const t = c.target;
      if (c.op === 'merge' && isNodeTarget(t)) rels = merge(c, t, nodes, rels);
      else if (c.op === 'edit' && isNodeTarget(t)) for (const p of propsOf(nodes, t)) curate(Object.assign(p, c.payload.set ?? {}), c.id);
      else if ((c.op === 'reject' || c.op === 'confirm') && isNodeTarget(t)) {
        const flag = c.op === 'reject' ? 'rejected' : 'reviewed';
        if (c.scope && c.op === 'reject') {
          for (const r of rels)
            if (r.type === 'MENTIONED_IN' && same(r.from, t) && r.to.id === c.scope) flagged(r.props as Props, flag, c.id);
        } else for (const p of propsOf(nodes, t)) flagged(p, flag, c.id);
      } else if ((c.op === 'reject' || c.op === 'confirm') && isRelTarget(t)) {
        for (const r of rels) if (r.type === t.type && same(r.from, t.from) && same(r.to, t.to)) flagged(r.props as Props, c.op === 'reject' ? 'rejected' : 'reviewed', c.id);
      } else if (c.op === 'split' && isNodeTarget(t)) ({ nodes, rels } = splitMeeting(c, t, nodes, rels));
      // additions are not in any article: they are made in the database (applyInDb), after the ingest
    }
    return { nodes, rels };
  }
}

const same = (a: { label: string; id: string }, b: NodeTarget) => a.label === b.label && a.id === b.id;
const propsOf = (nodes: NodeRecord[], t: NodeTarget): Props[] => nodes.filter((n) => same({ label: n.label, id: n.props.id }, t)).map((n) => n.props as Props);

function curate(p: Props, cid: string): void {
  if (p.origin !== 'added') p.origin = 'curated';
  addId(p, cid);
}
function flagged(p: Props, flag: 'rejected' | 'reviewed', cid: string): void {
  p[flag] = true;
  addId(p, cid);
}
function addId(p: Props, cid: string): void {
  const list = (p.correctedBy as string[] | undefined) ?? [];
  if (!list.includes(cid)) p.correctedBy = [...list, cid];
}

function merge(c: Correction, t: NodeTarget, nodes: NodeRecord[], rels: RelRecord[]): RelRecord[] {
  const p = c.payload as unknown as MergePayload;
  const forms = new Set((p.forms ?? []).map(formKey));
  const kind = (p.pin as Props | undefined)?.kind;
  const renamed = new Set<string>([p.drop]);
  for (const n of nodes) {
    if (n.label !== t.label || n.props.id === t.id) continue;
    const props = n.props as Props;
    // a later article naming the dropped actor resolves to a fresh id of its own: its name says where it belongs
    if (t.label === 'Actor' && props.kind === kind && forms.has(formKey(props.name as string))) renamed.add(props.id as string);
  }
  for (const n of nodes) if (n.label === t.label && renamed.has(n.props.id)) n.props.id = t.id;
  for (const props of propsOf(nodes, t)) curate(Object.assign(props, p.pin ?? {}), c.id);
  for (const r of rels) {
    if (r.from.label === t.label && renamed.has(r.from.id)) r.from.id = t.id;
    if (r.to.label === t.label && renamed.has(r.to.id)) r.to.id = t.id;
  }
  // an acronym affiliated with its own organization, once they are one, is no relationship
  return rels.filter((r) => !(r.from.label === r.to.label && r.from.id === r.to.id));
}

function splitMeeting(c: Correction, t: NodeTarget, nodes: NodeRecord[], rels: RelRecord[]): { nodes: NodeRecord[]; rels: RelRecord[] } {
  const p = c.payload as unknown as SplitMeetingPayload;
  const moving = new Set(p.participants);
  const copies: NodeRecord[] = [];
  for (const props of propsOf(nodes, t)) {
    const copy = { ...props, id: p.into };
    curate(copy, c.id);
    copies.push({ label: 'Meeting', props: copy } as NodeRecord);
  }
  if (!copies.length) return { nodes, rels };
  const extra: RelRecord[] = [];
  for (const r of rels) {
    if (r.type === 'ATTENDED' && same(r.to, t) && moving.has(r.from.id)) r.to.id = p.into;
    else if ((r.type === 'MENTIONED_IN' || r.type === 'HELD_IN') && same(r.from, t)) extra.push({ ...r, from: { label: 'Meeting', id: p.into }, to: { ...r.to }, props: { ...r.props } } as RelRecord);
  }
  return { nodes: [...nodes, ...copies], rels: [...rels, ...extra] };
}
