import { z } from 'zod';
import { Provenance } from './provenance';

/** A calendar date, `YYYY-MM-DD`, that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

const Id = z.string().min(1);
const Text = z.string().min(1);

export const ActorKind = z.enum(['person', 'organization', 'country', 'group']);

export const Actor = z.object({
  id: Id,
  name: Text,
  kind: ActorKind,
  /** Every surface form seen for this actor (surname alone, spelling variants). Titles never go here. */
  aliases: z.array(Text).default([]),
  /** Titles and functions ("special envoy", "Kremlin aide"), kept apart from the name. */
  roles: z.array(Text).default([]),
  /** Name of the country or organization the actor belongs to, also linked by AFFILIATED_WITH. */
  affiliation: Text.optional(),
  ...Provenance.shape,
});

export const MeetingStatus = z.enum(['held', 'planned', 'proposed', 'cancelled']);
export const MeetingMode = z.enum(['in_person', 'call', 'unknown']);

export const Meeting = z.object({
  id: Id,
  /** Resolved calendar date, or null when the text does not fix it (the words stay in dateText). */
  date: IsoDate.nullable(),
  dateText: z.string(),
  status: MeetingStatus,
  mode: MeetingMode,
  /** City where it took place; also linked by HELD_IN. */
  place: Text.optional(),
  summary: Text.optional(),
  duration: Text.optional(),
  outcome: Text.optional(),
  ...Provenance.shape,
});

export const Stance = z.enum(['supports', 'opposes', 'demands', 'proposes', 'conditional']);

export const Position = z.object({
  id: Id,
  stance: Stance,
  /** The quote or paraphrase that states the position. */
  statement: Text,
  /** Who holds it, by name, and what it is about in a few words: the label reads "holder · stance · object". */
  holder: Text.optional(),
  object: Text.optional(),
  date: IsoDate.nullable().optional(),
  ...Provenance.shape,
});

export const Issue = z.object({ id: Id, name: Text, ...Provenance.shape });

export const Place = z.object({ id: Id, name: Text, country: Text.optional(), ...Provenance.shape });

export const Article = z.object({
  /** Hash of the normalized text: the same article ingested twice is one node. */
  id: Id,
  title: z.string(),
  url: Text.optional(),
  published: IsoDate.optional(),
  publisher: Text.optional(),
  /** Where it was read from (file path, with line for JSONL). */
  source: Text.optional(),
});

export const NODE_SCHEMAS = { Actor, Meeting, Position, Issue, Place, Article } as const;
export type NodeLabel = keyof typeof NODE_SCHEMAS;
export const NODE_LABELS = Object.keys(NODE_SCHEMAS) as NodeLabel[];
export const NodeLabelSchema = z.enum(NODE_LABELS as [NodeLabel, ...NodeLabel[]]);

export type ActorKind = z.infer<typeof ActorKind>;
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export type MeetingMode = z.infer<typeof MeetingMode>;
export type Stance = z.infer<typeof Stance>;
export type Actor = z.infer<typeof Actor>;
export type Meeting = z.infer<typeof Meeting>;
export type Position = z.infer<typeof Position>;
export type Issue = z.infer<typeof Issue>;
export type Place = z.infer<typeof Place>;
export type Article = z.infer<typeof Article>;
export type NodeProps = { [L in NodeLabel]: z.infer<(typeof NODE_SCHEMAS)[L]> };
