import type { Connection } from '@kg/neo4j';
import type { GraphBatch } from '@kg/graph-schema';
import { extract } from './extract';
import { readArticles, type InputProblem, type ReadEvent, type ReadOptions, type SourceDocument } from './read';
import { Resolver } from './resolve';
import { addCounts, existingArticleIds, loadKnownEntities, writeArticles, zeroCounts, type WriteCounts } from './write/neo4j-writer';

export interface IngestOptions extends ReadOptions {
  /** Whole articles per transaction. */
  batchArticles?: number;
  /** Stops after the batch in flight when aborted (SIGINT, SIGTERM). */
  signal?: AbortSignal;
}

export interface IngestHooks {
  /** Skipped inputs, failures and warnings, as they happen. */
  onProblem?(kind: 'skipped' | 'failed' | 'warning', problem: InputProblem): void;
  /** After each committed transaction. */
  onCommit?(progress: { articles: number; counts: WriteCounts; lastSource: string }): void;
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
 * the last committed transaction ended.
 */
export async function ingest(inputs: readonly string[], conn: Connection, opts: IngestOptions = {}, hooks: IngestHooks = {}): Promise<IngestResult> {
  const batchArticles = opts.batchArticles ?? 50;
  const result: IngestResult = { written: 0, alreadyPresent: 0, skipped: 0, failed: 0, warnings: 0, counts: zeroCounts(), interrupted: false };
  const resolver = new Resolver();
  const known = await loadKnownEntities(conn);
  resolver.seed(known.actors, known.meetings);
  const seenThisRun = new Map<string, string>();
  let chunk: SourceDocument[] = [];

  const flush = async () => {
    const docs = chunk;
    chunk = [];
    const inDb = await existingArticleIds(conn, docs.map((d) => d.id));
    const batches: GraphBatch[] = [];
    for (const doc of docs) {
      if (inDb.has(doc.id)) {
        result.alreadyPresent++;
        continue;
      }
      try {
        batches.push(resolver.resolve(extract(doc)));
      } catch (e) {
        result.failed++;
        hooks.onProblem?.('failed', { path: doc.source, message: `extraction failed: ${(e as Error).message}` });
      }
    }
    if (!batches.length) return;
    const counts = await writeArticles(conn, batches);
    result.written += batches.length;
    result.counts = addCounts(result.counts, counts);
    result.lastCommitted = docs.at(-1)!.source;
    hooks.onCommit?.({ articles: result.written, counts: result.counts, lastSource: result.lastCommitted });
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
  }
  return result;
}
