import type { Connection } from '@kg/neo4j';
import type { GraphBatch } from '@kg/graph-schema';
import { createExtractor, defaultWorkers } from './parallel/extract-pool';
import { readArticles, type InputProblem, type ReadEvent, type ReadOptions, type SourceDocument } from './read';
import { Resolver } from './resolve';
import { addCounts, existingArticleIds, loadKnownEntities, writeArticles, zeroCounts, type WriteCounts } from './write/neo4j-writer';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './write/retry';

export interface IngestOptions extends ReadOptions {
  /** Whole articles per transaction. */
  batchArticles?: number;
  /** Extraction worker threads (0 or 1: on the main thread). */
  workers?: number;
  /** Stops after the batch in flight when aborted (SIGINT, SIGTERM). */
  signal?: AbortSignal;
  retry?: Partial<RetryOptions>;
}

export interface IngestHooks {
  /** Skipped inputs, failures and warnings, as they happen. */
  onProblem?(kind: 'skipped' | 'failed' | 'warning', problem: InputProblem): void;
  /** After each committed transaction. */
  onCommit?(progress: { articles: number; counts: WriteCounts; lastSource: string }): void;
  onRetry?(attempt: number, delayMs: number, error: Error): void;
}

export interface IngestResult {
  written: number;
  alreadyPresent: number;
  skipped: number;
  failed: number;
  warnings: number;
  counts: WriteCounts;
  /** Source of the last article committed: where an interrupted run stopped. */
  lastCommitted?: string;
  interrupted: boolean;
  /** Set when the database failed and the run gave up; what was committed before stays. */
  error?: Error;
}

/**
 * read → extract → resolve → write, in transactions of whole articles.
 * Articles already in the database (same text hash) are recognised before
 * extraction and passed over, so a re-run after a failure picks up where
 * the last committed transaction ended. Extraction runs in worker threads;
 * resolution and writes stay in input order, so ids do not depend on timing.
 */
export async function ingest(inputs: readonly string[], conn: Connection, opts: IngestOptions = {}, hooks: IngestHooks = {}): Promise<IngestResult> {
  const batchArticles = opts.batchArticles ?? 50;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...opts.retry, onRetry: hooks.onRetry };
  const result: IngestResult = { written: 0, alreadyPresent: 0, skipped: 0, failed: 0, warnings: 0, counts: zeroCounts(), interrupted: false };
  const extractor = createExtractor(opts.workers ?? defaultWorkers());
  const resolver = new Resolver();
  const seenThisRun = new Map<string, string>();
  let chunk: SourceDocument[] = [];
  let writing: Promise<void> = Promise.resolve();

  // Extraction of a chunk overlaps the write of the one before it.
  const prepare = async (docs: SourceDocument[]): Promise<{ docs: SourceDocument[]; batches: GraphBatch[] }> => {
    const inDb = await withRetry(() => existingArticleIds(conn, docs.map((d) => d.id)), retry);
    const fresh = docs.filter((d) => !inDb.has(d.id));
    result.alreadyPresent += docs.length - fresh.length;
    const outcomes = await extractor.extractAll(fresh);
    await writing; // resolution must see the previous chunk first
    const batches: GraphBatch[] = [];
    outcomes.forEach((o, i) => {
      if (o.ok) batches.push(resolver.resolve(o.extraction));
      else {
        result.failed++;
        hooks.onProblem?.('failed', { path: fresh[i]!.source, message: `extraction failed: ${o.error.split('\n')[0]}` });
      }
    });
    return { docs, batches };
  };

  const commit = async ({ docs, batches }: { docs: SourceDocument[]; batches: GraphBatch[] }) => {
    if (!batches.length) return;
    const counts = await withRetry(() => writeArticles(conn, batches), retry);
    result.written += batches.length;
    result.counts = addCounts(result.counts, counts);
    result.lastCommitted = docs.at(-1)!.source;
    hooks.onCommit?.({ articles: result.written, counts: result.counts, lastSource: result.lastCommitted });
  };

  const flush = async () => {
    const docs = chunk;
    chunk = [];
    const prepared = await prepare(docs);
    writing = writing.then(() => commit(prepared));
    // Do not read further ahead than one chunk: memory stays flat, and an
    // error in this write stops the run before more work piles up.
    await writing;
  };

  const handle = (ev: ReadEvent) => {
    if (ev.kind === 'skipped') {
      result.skipped++;
      hooks.onProblem?.('skipped', { path: ev.path, message: ev.reason });
    } else if (ev.kind === 'failed') {
      result.failed++;
      hooks.onProblem?.('failed', ev.problem);
    } else {
      for (const w of ev.warnings) {
        result.warnings++;
        hooks.onProblem?.('warning', w);
      }
      const twin = seenThisRun.get(ev.doc.id);
      if (twin) {
        result.skipped++;
        hooks.onProblem?.('skipped', { path: ev.doc.source, message: `same text as ${twin}` });
      } else {
        seenThisRun.set(ev.doc.id, ev.doc.source);
        chunk.push(ev.doc);
      }
    }
  };

  try {
    const known = await withRetry(() => loadKnownEntities(conn), retry);
    resolver.seed(known.actors, known.meetings);
    for await (const ev of readArticles(inputs, opts)) {
      handle(ev);
      if (chunk.length >= batchArticles) await flush();
      if (opts.signal?.aborted) {
        result.interrupted = true;
        break;
      }
    }
    if (!result.interrupted && chunk.length) await flush();
  } catch (e) {
    result.error = e as Error;
  } finally {
    await extractor.close();
  }
  return result;
}
