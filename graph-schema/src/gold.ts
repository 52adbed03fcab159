import { z } from 'zod';
import { ActorKind, IsoDate, MeetingStatus, Stance } from './nodes';

/**
 * The gold annotation format (docs/gold-format.md): one `NAME.gold.json`
 * beside each article `NAME.txt`, read by `kg eval`. Fields the scorer does
 * not use (`evidence`, `affiliation`) are still described, so that a value of
 * the wrong kind in them is reported; fields not described here are kept, as
 * annotators add notes of their own.
 */
const Name = z.string().min(1);
const ActorRef = z.string().min(1);

export const GoldActor = z.looseObject({
  /** Short stable key; the same person keeps it in every gold file, so actors merge across articles. */
  id: ActorRef,
  name: Name,
  kind: ActorKind,
  /** Every surface form the article uses; titles are not aliases. */
  aliases: z.array(Name).optional(),
  affiliation: z.string().nullable().optional(),
});

export const GoldMeeting = z.looseObject({
  /** Shared by the gold files of all articles that report the same real meeting, so it is counted once. */
  key: z.string().min(1).optional(),
  participants: z.array(ActorRef),
  /** Ids the text only implies: a prediction neither gains nor loses for them. */
  optional: z.array(ActorRef).optional(),
  date: IsoDate.nullable().optional(),
  /** Accepted names for where it happened, city first. */
  place: z.array(Name).nullable().optional(),
  status: MeetingStatus,
  evidence: z.string().optional(),
});

export const GoldPosition = z.looseObject({
  holder: ActorRef,
  stance: Stance,
  /** Lower-case stems, any of which must appear in a predicted position's text for a match. */
  keywords: z.array(Name).min(1),
  /** Neither rewarded when missed nor penalised when found. */
  optional: z.boolean().optional(),
  evidence: z.string().optional(),
});

export const GoldFile = z.looseObject({
  article: Name,
  published: IsoDate.nullable().optional(),
  actors: z.array(GoldActor).default([]),
  /** Names that are neither rewarded nor penalised (bylines, site chrome). */
  ignore: z.array(z.string()).default([]),
  meetings: z.array(GoldMeeting).default([]),
  positions: z.array(GoldPosition).default([]),
});

export type GoldActor = z.infer<typeof GoldActor>;
export type GoldMeeting = z.infer<typeof GoldMeeting>;
export type GoldPosition = z.infer<typeof GoldPosition>;
export type GoldFile = z.infer<typeof GoldFile>;

/** Gold files are named after their article: `a001.txt` → `a001.gold.json`. */
export const GOLD_FILE_SUFFIX = '.gold.json';
