import type { ManagedTransaction } from 'neo4j-driver';
import { isNodeTarget, isRelTarget, NODE_SCHEMAS, PROVENANCE_KEYS, RELATIONSHIPS, type Correction, type NodeTarget } from '@kg/graph-schema';
import { z } from 'zod';
import { CurationError } from './errors';
import { getCorrection } from './store';
import { describeNode, describeRel, nodeProps, relExists } from './targets';

type Request = Pick<Correction, 'op' | 'target' | 'payload' | 'scope'>;
const MERGEABLE = ['Actor', 'Meeting'];

/**
 * Checks a correction against the database before anything is written, and
 * says in words what is wrong: an unknown id, a merge of a node with
 * itself, an edit of a field the label does not have.
 */
export async function checkRequest(tx: ManagedTransaction, c: Request): Promise<void> {
  const t = c.target;
  const mustExist = async (n: NodeTarget) => {
    if (!(await nodeProps(tx, n))) throw new CurationError(`no ${describeNode(n)} in the database`);
  };
  switch (c.op) {
    case 'merge': {
      if (!isNodeTarget(t) || !MERGEABLE.includes(t.label)) throw new CurationError('merge takes two actors or two meetings');
      const drop = c.payload.drop;
      if (typeof drop !== 'string' || !drop) throw new CurationError('merge needs the id of the node to merge into the kept one');
      if (drop === t.id) throw new CurationError(`cannot merge ${describeNode(t)} with itself`);
      await mustExist(t);
      await mustExist({ label: t.label, id: drop });
      return;
    }
    case 'edit': {
      if (!isNodeTarget(t)) throw new CurationError('edit takes a node');
      await mustExist(t);
      editable(t.label).parse(c.payload.set ?? {});
      if (!Object.keys((c.payload.set as object) ?? {}).length) throw new CurationError('edit needs at least one field to set');
      return;
    }
    case 'reject':
    case 'confirm':
      if (isRelTarget(t)) {
        if (!(await relExists(tx, t))) throw new CurationError(`no ${describeRel(t)} in the database`);
      } else if (isNodeTarget(t)) await mustExist(t);
      else throw new CurationError(`${c.op} takes a node or a relationship`);
      if (c.scope) {
        if (!isNodeTarget(t)) throw new CurationError('only a node can be rejected as one article reports it');
        await mustExist({ label: 'Article', id: c.scope });
      }
      return;
    case 'add':
      if (isRelTarget(t)) {
        await mustExist(t.from);
        await mustExist(t.to);
        if (await relExists(tx, t)) throw new CurationError(`${describeRel(t)} is there already`);
        (RELATIONSHIPS[t.type].props as z.ZodObject).parse(c.payload.props ?? {});
      } else if (isNodeTarget(t)) {
        if (await nodeProps(tx, t)) throw new CurationError(`${describeNode(t)} is there already`);
        NODE_SCHEMAS[t.label].parse({ ...((c.payload.props as object) ?? {}), id: t.id });
        for (const a of (c.payload.participants as string[] | undefined) ?? []) await mustExist({ label: 'Actor', id: a });
        if (typeof c.payload.holder === 'string') await mustExist({ label: 'Actor', id: c.payload.holder });
      } else throw new CurationError('add takes a node or a relationship');
      return;
    case 'split':
      if ('correction' in t) {
        const m = await getCorrection(tx, t.correction);
        if (!m) throw new CurationError(`no correction "${t.correction}"`);
        if (m.op !== 'merge') throw new CurationError(`correction "${t.correction}" is a ${m.op}, not a merge: only a merge can be split`);
        if (m.undoneBy) throw new CurationError(`correction "${t.correction}" was undone already (by ${m.undoneBy})`);
      } else if (isNodeTarget(t) && t.label === 'Meeting') {
        await mustExist(t);
        const moving = c.payload.participants as string[] | undefined;
        if (!moving?.length) throw new CurationError('split of a meeting needs the participants that go to the new meeting');
        for (const a of moving)
          if (!(await relExists(tx, { type: 'ATTENDED', from: { label: 'Actor', id: a }, to: t })))
            throw new CurationError(`Actor "${a}" did not attend ${describeNode(t)}`);
      } else throw new CurationError('split takes a merge correction or a meeting');
      return;
    case 'undo': {
      if (!('correction' in t)) throw new CurationError('undo takes a correction id');
      const u = await getCorrection(tx, t.correction);
      if (!u) throw new CurationError(`no correction "${t.correction}"`);
      if (u.op === 'undo') throw new CurationError(`correction "${t.correction}" is an undo; make the correction again instead`);
      if (u.undoneBy) throw new CurationError(`correction "${t.correction}" was undone already (by ${u.undoneBy})`);
      return;
    }
    case 'dismiss':
      if (!('suggestion' in t)) throw new CurationError('dismiss takes a suggestion id');
      return;
  }
}

/** The fields an edit may set: the label's own, not its id nor the provenance kg keeps. */
export function editable(label: keyof typeof NODE_SCHEMAS): z.ZodType {
  const omit = Object.fromEntries(['id', ...PROVENANCE_KEYS].map((k) => [k, true]));
  return (NODE_SCHEMAS[label] as z.ZodObject).omit(omit as never).partial().strict();
}
