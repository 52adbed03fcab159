import { z } from 'zod';
import type { NodeLabel } from './nodes';
import { Provenance } from './provenance';

/**
 * Provenance: the words that support a fact. Offsets are UTF-16 code-unit
 * indexes into the article text as read (after the header), so
 * `text.slice(start, end) === sentence`.
 */
export const Evidence = z.object({
  sentence: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const Role = z.object({ role: z.string().min(1).optional(), ...Provenance.shape });
const Plain = z.object({ ...Provenance.shape });

export const RELATIONSHIPS = {
  ATTENDED: { from: ['Actor'], to: ['Meeting'], props: Role },
  HELD_IN: { from: ['Meeting'], to: ['Place'], props: Plain },
  HOLDS: { from: ['Actor'], to: ['Position'], props: Plain },
  ABOUT: { from: ['Position'], to: ['Issue'], props: Plain },
  AFFILIATED_WITH: { from: ['Actor'], to: ['Actor'], props: Role },
  /** Provenance edge from any extracted node to the article that supports it; one per supporting sentence. */
  MENTIONED_IN: { from: ['Actor', 'Meeting', 'Position', 'Issue', 'Place'], to: ['Article'], props: Evidence.extend(Provenance.shape) },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[]; props: z.ZodObject }>;

export type RelType = keyof typeof RELATIONSHIPS;
export const REL_TYPES = Object.keys(RELATIONSHIPS) as RelType[];
export const RelTypeSchema = z.enum(REL_TYPES as [RelType, ...RelType[]]);
export type RelProps = { [T in RelType]: z.infer<(typeof RELATIONSHIPS)[T]['props']> };
export type Evidence = z.infer<typeof Evidence>;

/**
 * Relationship types that may occur more than once between the same two
 * nodes, and the property that tells the occurrences apart.
 */
export const REL_DISCRIMINATOR: Partial<Record<RelType, string>> = { MENTIONED_IN: 'start' };
