import { z } from 'zod';

/**
 * Provenance of a fact, on every node and relationship written by kg: where it
 * came from, whether a person looked at it, and which corrections touched it.
 * Absent on graph files made before curation existed, which read as extracted.
 */
export const Origin = z.enum(['extracted', 'curated', 'added']);
export const Provenance = z.object({
  origin: Origin.optional(),
  /** Confirmed by an analyst (kg curate confirm). */
  reviewed: z.boolean().optional(),
  /** Hidden from the viewer, kg query examples and exports (kg curate reject); kept so a later ingest cannot bring it back. */
  rejected: z.boolean().optional(),
  /** Ids of the corrections that changed this node or relationship, oldest first. */
  correctedBy: z.array(z.string().min(1)).optional(),
});

export type Origin = z.infer<typeof Origin>;
export type Provenance = z.infer<typeof Provenance>;

/** Provenance property names: the curation stage sets them, the merge rules of the writer keep them. */
export const PROVENANCE_KEYS = Object.keys(Provenance.shape) as (keyof Provenance)[];
