import { NodeLabelSchema, REL_DISCRIMINATOR, RelTypeSchema, type NodeLabel, type RelType } from '@kg/graph-schema';

// Labels and relationship types cannot be query parameters: they are checked against the schema's
// names before they go into a statement, so no text of a correction file ever becomes Cypher.
export const label = (l: string): NodeLabel => NodeLabelSchema.parse(l);
export const relType = (t: string): RelType => RelTypeSchema.parse(t);

/** Adds $cid to x.correctedBy once. */
export const addCorrectedBy = (x: string) => `${x}.correctedBy = coalesce(${x}.correctedBy, []) + CASE WHEN $cid IN coalesce(${x}.correctedBy, []) THEN [] ELSE [$cid] END`;
/** Takes $cid out of x.correctedBy; an empty list goes away, as if no correction had touched it. */
export const dropCorrectedBy = (x: string) =>
  `${x}.correctedBy = CASE WHEN size([i IN coalesce(${x}.correctedBy, []) WHERE i <> $cid]) = 0 THEN null ELSE [i IN coalesce(${x}.correctedBy, []) WHERE i <> $cid] END`;
/** A hand-made fact stays "added" whatever is corrected on it later. */
export const markCurated = (x: string) => `${x}.origin = CASE WHEN ${x}.origin = 'added' THEN 'added' ELSE 'curated' END`;

/** The pattern part naming one relationship of this type between a and b: MENTIONED_IN is one per sentence. */
export function relPattern(type: RelType, v: string, discParam?: string): string {
  const disc = REL_DISCRIMINATOR[type];
  return `[${v}:${relType(type)}${disc && discParam ? ` {${disc}: ${discParam}}` : ''}]`;
}
