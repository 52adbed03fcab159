import type { GraphBatch } from '@kg/graph-schema';
import { extract } from './extract';
import type { Extraction } from './extract/types';
import { readArticles, type InputProblem, type ReadOptions } from './read';
import { Resolver } from './resolve';

export type PipelineEvent =
  | { kind: 'article'; extraction: Extraction; batch: GraphBatch; warnings: InputProblem[] }
  | { kind: 'annotation'; path: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; problem: InputProblem };

export interface PipelineOptions extends ReadOptions {
  resolver?: Resolver;
  /** Articles whose id this returns true for are passed over before extraction (already in the database). */
  alreadyKnown?: (articleId: string) => boolean;
  /** Analysts' corrections, applied to each article after resolution (kg curate). */
  corrections?: { apply(batch: GraphBatch): GraphBatch };
}

/** read → extract → resolve, one article at a time, so memory stays flat however large the corpus. */
export async function* runPipeline(inputs: readonly string[], opts: PipelineOptions = {}): AsyncGenerator<PipelineEvent> {
  const resolver = opts.resolver ?? new Resolver();
  for await (const ev of readArticles(inputs, opts)) {
    if (ev.kind !== 'article') {
      yield ev;
      continue;
    }
    if (opts.alreadyKnown?.(ev.doc.id)) {
      yield { kind: 'skipped', path: ev.doc.source, reason: 'already ingested (same text)' };
      continue;
    }
    let extraction: Extraction;
    try {
      extraction = extract(ev.doc);
    } catch (e) {
      // A bug on one odd article must not stop the corpus; it is reported like bad input.
      yield { kind: 'failed', problem: { path: ev.doc.source, message: `extraction failed: ${(e as Error).stack ?? e}` } };
      continue;
    }
    yield { kind: 'article', extraction, batch: opts.corrections ? opts.corrections.apply(resolver.resolve(extraction)) : resolver.resolve(extraction), warnings: ev.warnings };
  }
}
