import type { ManagedTransaction } from 'neo4j-driver';
import { REL_DISCRIMINATOR, type Correction, type NodeTarget, type RelType } from '@kg/graph-schema';
import { addCorrectedBy, dropCorrectedBy, label, markCurated, relPattern, relType } from './cypher-bits';
import { lockNodes, nodeProps } from './targets';

/** What a merge saw when it first found both nodes: enough to put the dropped node back (split, undo). */
export interface MergeSnapshot {
  drop: Record<string, unknown>;
  keepBefore: Record<string, unknown>;
  rels: { type: RelType; out: boolean; other: NodeTarget; props: Record<string, unknown>; created: boolean }[];
}

export interface MergePayload {
  drop: string;
  /** Values of the kept node after the merge, fixed so that later ingests give the same node. */
  pin: Record<string, unknown>;
  /** Name and aliases of the dropped node: later mentions of them attach to the kept node. */
  forms: string[];
}

const LISTS = ['aliases', 'roles'];

/**
 * Moves every relationship of the dropped node to the kept one (a
 * relationship the kept node already has is not doubled), joins their
 * aliases and roles, fixes the pinned values and deletes the dropped node.
 * Run again, it finds nothing to move: merges are re-applied after each
 * ingest. Returns the snapshot when it merged something.
 */
export async function mergeInDb(tx: ManagedTransaction, c: Correction): Promise<MergeSnapshot | undefined> {
  const t = c.target as NodeTarget;
  const p = c.payload as unknown as MergePayload;
  const L = label(t.label);
  await lockNodes(tx, [t, { label: t.label, id: p.drop }]);
  const keep = await nodeProps(tx, t);
  const drop = await nodeProps(tx, { label: t.label, id: p.drop });
  if (!drop) {
    if (keep) await pin(tx, c);
    return undefined;
  }
  if (!keep) {
    // only the dropped node is here: it becomes the kept one
    await tx.run(`MATCH (d:${L} {id: $drop}) SET d.id = $keep`, { drop: p.drop, keep: t.id });
    await pin(tx, c);
    return { drop, keepBefore: {}, rels: [] };
  }
  const res = await tx.run(
    `MATCH (d:${L} {id: $drop})-[r]-(o) WHERE NOT (o:${L} AND o.id = $keep)
RETURN type(r) AS type, startNode(r) = d AS out, labels(o)[0] AS olabel, o.id AS oid, properties(r) AS props`,
    { drop: p.drop, keep: t.id },
  );
  const rels: MergeSnapshot['rels'] = [];
  for (const r of res.records) {
    const type = relType(r.get('type'));
    const other: NodeTarget = { label: label(r.get('olabel')), id: r.get('oid') };
    const props = r.get('props') as Record<string, unknown>;
    const disc = REL_DISCRIMINATOR[type];
    const out = r.get('out') as boolean;
    const pattern = out ? `(k)-${relPattern(type, 'x', '$disc')}->(o)` : `(o)-${relPattern(type, 'x', '$disc')}->(k)`;
    const made = await tx.run(
      `MATCH (k:${L} {id: $keep}) MATCH (o:${label(other.label)} {id: $oid})
MERGE ${pattern}
ON CREATE SET x = $props, x.kg_new = true
WITH x, x.kg_new IS NOT NULL AS created REMOVE x.kg_new RETURN created`,
      { keep: t.id, oid: other.id, props, disc: disc ? props[disc] : null },
    );
    rels.push({ type, out, other, props, created: made.records[0]?.get('created') === true });
  }
  const lists = Object.fromEntries(LISTS.filter((k) => Array.isArray(drop[k]) || Array.isArray(keep[k])).map((k) => [k, joined(keep[k], k === 'aliases' ? [drop.name, drop[k]] : [drop[k]])]));
  const filled = Object.fromEntries(Object.entries(drop).filter(([k, v]) => k !== 'id' && !LISTS.includes(k) && keep[k] == null && v != null && !isProvenance(k)));
  await tx.run(`MATCH (k:${L} {id: $keep}) SET k += $filled, k += $lists`, { keep: t.id, filled, lists });
  await tx.run(`MATCH (d:${L} {id: $drop}) DETACH DELETE d`, { drop: p.drop });
  await pin(tx, c);
  return { drop, keepBefore: keep, rels };
}

async function pin(tx: ManagedTransaction, c: Correction): Promise<void> {
  const t = c.target as NodeTarget;
  const p = c.payload as unknown as MergePayload;
  await tx.run(`MATCH (k:${label(t.label)} {id: $keep}) SET k += $pin, ${markCurated('k')}, ${addCorrectedBy('k')}`, { keep: t.id, pin: p.pin ?? {}, cid: c.id });
}

/** Puts the dropped node back as the snapshot saw it, with its relationships; the kept node loses what it gained. */
export async function unmergeInDb(tx: ManagedTransaction, c: Correction, snap: MergeSnapshot | undefined): Promise<void> {
  const t = c.target as NodeTarget;
  const p = c.payload as unknown as MergePayload;
  const L = label(t.label);
  if (!snap) {
    await tx.run(`MATCH (k:${L} {id: $keep}) SET ${dropCorrectedBy('k')}`, { keep: t.id, cid: c.id });
    return;
  }
  if (!Object.keys(snap.keepBefore).length) {
    await tx.run(`MATCH (k:${L} {id: $keep}) SET k = $drop`, { keep: t.id, drop: snap.drop });
    return;
  }
  await lockNodes(tx, [t]);
  await tx.run(`CREATE (d:${L}) SET d = $drop`, { drop: snap.drop });
  for (const r of snap.rels) {
    const disc = REL_DISCRIMINATOR[r.type];
    const params = { drop: p.drop, keep: t.id, oid: r.other.id, props: r.props, disc: disc ? r.props[disc] : null };
    const end = (v: string) => (r.out ? `(${v})-${relPattern(r.type, 'x', '$disc')}->(o)` : `(o)-${relPattern(r.type, 'x', '$disc')}->(${v})`);
    await tx.run(`MATCH (d:${L} {id: $drop}) MATCH (o:${label(r.other.label)} {id: $oid}) MERGE ${end('d')} ON CREATE SET x = $props`, params);
    if (r.created) await tx.run(`MATCH ${end(`k:${L} {id: $keep}`).replace('(o)', `(o:${label(r.other.label)} {id: $oid})`)} DELETE x`, params);
  }
  const before = snap.keepBefore;
  const restore: Record<string, unknown> = {};
  for (const k of Object.keys((c.payload as unknown as MergePayload).pin ?? {})) restore[k] = before[k] ?? null;
  for (const k of Object.keys(snap.drop)) if (!(k in before) && !isProvenance(k)) restore[k] = null;
  const gained = (k: string) => new Set(joined(undefined, k === 'aliases' ? [snap.drop.name, snap.drop[k]] : [snap.drop[k]]).filter((x) => !((before[k] as unknown[]) ?? []).includes(x)));
  const res = await tx.run(`MATCH (k:${L} {id: $keep}) RETURN properties(k) AS p`, { keep: t.id });
  const now = (res.records[0]?.get('p') ?? {}) as Record<string, unknown>;
  for (const k of LISTS) if (Array.isArray(now[k])) restore[k] = (now[k] as unknown[]).filter((x) => !gained(k).has(x));
  restore.origin = before.origin ?? null;
  await tx.run(`MATCH (k:${L} {id: $keep}) SET k += $restore, ${dropCorrectedBy('k')}`, { keep: t.id, restore, cid: c.id });
}

function joined(first: unknown, more: unknown[]): unknown[] {
  const out: unknown[] = Array.isArray(first) ? [...first] : [];
  for (const m of more) for (const x of Array.isArray(m) ? m : m == null ? [] : [m]) if (!out.includes(x)) out.push(x);
  return out;
}

const isProvenance = (k: string) => k === 'origin' || k === 'reviewed' || k === 'rejected' || k === 'correctedBy';
