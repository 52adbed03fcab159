import { z } from 'zod';
import { NodeLabelSchema } from './nodes';
import { RelTypeSchema } from './relationships';

export const CorrectionOp = z.enum(['merge', 'split', 'edit', 'reject', 'add', 'confirm', 'dismiss', 'undo']);

/** A node named by label and id, or a relationship named by type and its two ends. */
export const NodeTarget = z.object({ label: NodeLabelSchema, id: z.string().min(1) });
export const RelTarget = z.object({ type: RelTypeSchema, from: NodeTarget, to: NodeTarget });
/** A correction (for undo and split of a merge) or a suggestion (for dismiss), by id. */
export const RecordTarget = z.object({ correction: z.string().min(1) }).or(z.object({ suggestion: z.string().min(1) }));
export const CorrectionTarget = z.union([NodeTarget, RelTarget, RecordTarget]);

/**
 * One analyst's correction: a record that lasts. Stored in Neo4j (a
 * :Correction node each), moved between databases as JSONL, and applied again
 * on every ingest, so the graph stays corrected however often it is rebuilt.
 * What `payload` holds depends on `op` (see packages/curation/README.md).
 */
export const Correction = z.object({
  id: z.string().min(1),
  /** ISO timestamp; corrections apply in (at, id) order. */
  at: z.iso.datetime({ offset: true }),
  by: z.string().min(1),
  op: CorrectionOp,
  target: CorrectionTarget,
  payload: z.record(z.string(), z.unknown()).default({}),
  reason: z.string().optional(),
  /** Limits the correction to one article's report (an Article id): "reject this meeting only as that article tells it". */
  scope: z.string().min(1).optional(),
});

export type CorrectionOp = z.infer<typeof CorrectionOp>;
export type NodeTarget = z.infer<typeof NodeTarget>;
export type RelTarget = z.infer<typeof RelTarget>;
export type RecordTarget = z.infer<typeof RecordTarget>;
export type CorrectionTarget = z.infer<typeof CorrectionTarget>;
export type Correction = z.infer<typeof Correction>;
export type CorrectionInput = z.input<typeof Correction>;

export const isNodeTarget = (t: CorrectionTarget): t is NodeTarget => 'label' in t;
export const isRelTarget = (t: CorrectionTarget): t is RelTarget => 'type' in t;

/** Label of the correction records in Neo4j: not part of the graph (NODE_LABELS), never shown or exported as a fact. */
export const CORRECTION_LABEL = 'Correction';
