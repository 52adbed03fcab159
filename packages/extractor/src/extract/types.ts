import type { ActorKind, Evidence, MeetingMode, MeetingStatus, Stance } from '@kg/graph-schema';
import type { SourceDocument } from '../read/document';

/**
 * What extraction finds in ONE article, before resolution gives actors and
 * meetings their graph-wide ids. References between facts use `ref`, a key
 * local to the article.
 */
export interface ExtractedActor {
  ref: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: string[];
  /** ref of the country/organization actor this one belongs to. */
  affiliation?: { ref: string; role?: string };
  mentions: Evidence[];
}

export interface ExtractedMeeting {
  participants: { ref: string; role?: string }[];
  date: string | null;
  dateText: string;
  status: MeetingStatus;
  mode: MeetingMode;
  place?: { name: string; country?: string };
  summary?: string;
  duration?: string;
  outcome?: string;
  /** "first", "second", "similar"...: what sets this meeting apart from others of the same parties */
  ordinal?: string;
  evidence: Evidence[];
}

export interface ExtractedPosition {
  holder: string;
  stance: Stance;
  statement: string;
  /** Normalized name of what the position is about ("territory", "NATO membership"). */
  issue?: string;
  date?: string | null;
  evidence: Evidence;
}

/** One line of `kg extract --explain`: what a rule found in a sentence. */
export interface ExplainEntry {
  sentence: number;
  start: number;
  end: number;
  rule: string;
  found: string;
}

export interface Extraction {
  doc: SourceDocument;
  actors: ExtractedActor[];
  meetings: ExtractedMeeting[];
  positions: ExtractedPosition[];
  explain: ExplainEntry[];
}
