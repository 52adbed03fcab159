import { ActorKind, MeetingMode, MeetingStatus, Stance, type NodeTarget } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import { CurationError, suggest, type CorrectionRequest } from '@kg/curation';
import { shortHash } from '../../resolve/ids';
import { dateOption, UsageError } from '../args';
import { findCorrection, findNode, findRel } from './curate-lookup';

export interface CurateValues {
  by: string;
  reason?: string;
  article?: string;
  type?: string;
  name?: string;
  kind?: string;
  role?: string[];
  affiliation?: string;
  participants?: string;
  into?: string;
  date?: string;
  place?: string;
  status?: string;
  mode?: string;
  summary?: string;
  stance?: string;
  statement?: string;
  note?: string;
  sentence?: string;
  accept?: string;
  dismiss?: string;
}

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
const enumOption = <T extends string>(schema: { options: readonly T[] }, v: string | undefined, name: string): T | undefined => {
  if (v === undefined) return undefined;
  if (!schema.options.includes(v as T)) throw new UsageError(`--${name} takes ${schema.options.join(', ')}, not "${v}"`);
  return v as T;
};
const need = (args: string[], n: number, what: string) => {
  if (args.length !== n) throw new UsageError(what);
};

/** Turns `kg curate OP ARGS… --options` into a correction request, looking up the ids it names. */
export async function buildRequest(conn: Connection, op: string, args: string[], v: CurateValues): Promise<CorrectionRequest> {
  const base = { by: v.by, payload: {}, ...(v.reason ? { reason: v.reason } : {}) };
  switch (op) {
    case 'merge': {
      need(args, 2, 'merge needs two ids: KEEP DROP');
      const keep = await findNode(conn, args[0]!);
      if (args[0] === args[1]) throw new CurationError(`cannot merge ${keep.label} "${keep.id}" with itself`);
      const drop = await findNode(conn, keep.label + ':' + args[1]!.replace(/^[A-Z][a-z]+:/, ''));
      return { ...base, op: 'merge', target: keep, payload: { drop: drop.id } };
    }
    case 'split': {
      need(args, 1, 'split needs a merge correction id, or a meeting id with --participants');
      if (v.participants) {
        const meeting = await findNode(conn, args[0]!);
        const participants = list(v.participants);
        return { ...base, op: 'split', target: meeting, payload: { participants, into: v.into ?? `${meeting.id}-split-${shortHash(meeting.id, ...participants).slice(0, 6)}` } };
      }
      return { ...base, op: 'split', target: { correction: await findCorrection(conn, args[0]!) } };
    }
    case 'edit': {
      need(args, 1, 'edit needs one id');
      const set: Record<string, unknown> = {};
      if (v.name !== undefined) set.name = v.name;
      if (v.kind !== undefined) set.kind = enumOption(ActorKind, v.kind, 'kind');
      if (v.role) set.roles = v.role;
      if (v.affiliation !== undefined) set.affiliation = v.affiliation;
      if (v.date !== undefined) set.date = dateOption(v.date, 'date');
      if (v.place !== undefined) set.place = v.place;
      if (v.status !== undefined) set.status = enumOption(MeetingStatus, v.status, 'status');
      if (v.summary !== undefined) set.summary = v.summary;
      if (!Object.keys(set).length) throw new UsageError('edit needs a field to set: --name, --kind, --role, --affiliation, --date, --place, --status or --summary');
      return { ...base, op: 'edit', target: await findNode(conn, args[0]!), payload: { set } };
    }
    case 'reject':
    case 'confirm': {
      if (args.length === 1) return { ...base, op, target: await findNode(conn, args[0]!), ...(v.article ? { scope: v.article } : {}) };
      need(args, 2, `${op} needs an id (a node) or two (the relationship from one to the other)`);
      if (v.article) throw new UsageError('--article goes with a single node');
      return { ...base, op, target: await findRel(conn, args[0]!, args[1]!, v.type) };
    }
    case 'add':
      return { ...base, op: 'add', ...(await addTarget(conn, args, v)) };
    case 'undo':
      need(args, 1, 'undo needs a correction id');
      return { ...base, op: 'undo', target: { correction: await findCorrection(conn, args[0]!) } };
    case 'suggest': {
      const id = v.accept ?? v.dismiss;
      if (!id) throw new UsageError('suggest takes --accept ID or --dismiss ID (or neither, to list)');
      const s = (await suggest(conn)).find((x) => x.id === id);
      if (!s) throw new CurationError(`no open suggestion "${id}" (kg curate suggest lists them)`);
      if (v.dismiss) return { ...base, op: 'dismiss', target: { suggestion: s.id } };
      return { ...base, op: 'merge', target: { label: s.keep.label, id: s.keep.id }, payload: { drop: s.drop.id, suggestion: s.id } };
    }
  }
  throw new UsageError(`unknown curate operation "${op}"`);
}

async function addTarget(conn: Connection, args: string[], v: CurateValues): Promise<Pick<CorrectionRequest, 'target' | 'payload'>> {
  const what = args[0];
  const notes = { ...(v.note ? { note: v.note } : {}), ...(v.sentence ? { sentence: v.sentence } : {}) };
  if (what === 'participant') {
    need(args, 3, 'add participant needs ACTOR MEETING');
    const from = await findNode(conn, args[1]!);
    const to = await findNode(conn, args[2]!);
    return { target: { type: 'ATTENDED', from, to }, payload: { props: v.role?.length ? { role: v.role[0] } : {}, ...notes } };
  }
  if (what === 'meeting') {
    need(args, 1, 'add meeting takes its fields as options: --participants A,B --date D --place P');
    const participants = list(v.participants);
    if (!participants.length) throw new UsageError('add meeting needs --participants A,B');
    for (const p of participants) await findNode(conn, `Actor:${p}`);
    const date = dateOption(v.date, 'date') ?? null;
    const props = {
      date,
      dateText: v.date ?? '',
      status: enumOption(MeetingStatus, v.status, 'status') ?? 'held',
      mode: enumOption(MeetingMode, v.mode, 'mode') ?? 'unknown',
      ...(v.place ? { place: v.place } : {}),
      ...(v.summary ? { summary: v.summary } : {}),
    };
    const id: NodeTarget = { label: 'Meeting', id: `${date ?? 'undated'}-added-${shortHash([...participants].sort().join(','), date ?? '', v.place ?? '').slice(0, 8)}` };
    return { target: id, payload: { props, participants, ...notes } };
  }
  if (what === 'position') {
    need(args, 2, 'add position needs ACTOR, with --stance and --statement');
    const holder = await findNode(conn, `Actor:${args[1]!.replace(/^Actor:/, '')}`);
    const stance = enumOption(Stance, v.stance, 'stance');
    if (!stance || !v.statement) throw new UsageError('add position needs --stance and --statement');
    const props = { stance, statement: v.statement, ...(v.date ? { date: dateOption(v.date, 'date') } : {}) };
    return { target: { label: 'Position', id: `added-${shortHash(holder.id, stance, v.statement.toLowerCase())}` }, payload: { props, holder: holder.id, ...notes } };
  }
  throw new UsageError(`add takes participant, meeting or position, not "${what ?? ''}"`);
}

