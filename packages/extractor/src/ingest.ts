import type { Connection } from '@kg/neo4j';
import type { GraphBatch } from '@kg/graph-schema';
import { loadStage, reapplyCorrections } from '@kg/curation';
import { createExtractor, defaultWorkers, type ExtractOutcome } from './parallel/extract-pool';
import { sourcePrefixes } from './write/known-entities';
import { readArticles, type InputProblem, type ReadEvent, type ReadOptions, type SourceDocument } from './read';
import { Resolver } from './resolve';
import { addCounts, existingArticleIds, loadKnownEntities, seedResolver, WriteCache, writeArticles, zeroCounts, type WriteCounts } from './write/neo4j-writer';
import { retryFromEnv, withRetry, type RetryOptions } from './write/retry';

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
  /** Gold annotation files among the inputs, set aside. */
  annotations: number;
  failed: number;
  warnings: number;
  counts: WriteCounts;
  /** Source of the last article committed: where an interrupted run stopped. */
  lastCommitted?: string;
  interrupted: boolean;
  /** Set when the database failed and the run gave up; what was committed before stays. */
  error?: Error;
}

const RESOLVE_SLICE_MS = 5;
/** Present articles held back for replay before it goes ahead anyway (see resolveChunk). */
const REPLAY_HOLD = 2000;
/** Chunks read and handed to the extraction workers ahead of the one being resolved. */
const CHUNKS_AHEAD = 1;

interface Checked {
  docs: SourceDocument[];
  fresh: SourceDocument[];
  outcomes: ExtractOutcome[];
}
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whole articles per transaction, by default: larger batches mean fewer round trips and statements. */
export const DEFAULT_BATCH_ARTICLES = 200;

/**
 * read → extract → resolve → write, in transactions of whole articles.
 * Articles already in the database (same text hash) are recognised before
 * extraction and passed over, so a re-run after a failure picks up where
 * the last committed transaction ended. Extraction runs in worker threads;
 * resolution and writes stay in input order, so ids do not depend on timing.
 * Three stages overlap: while one chunk is written (one transaction in
 * flight), the next is resolved, and the one after it is checked against
 * the database and extracted in the workers; at most three chunks are held
 * in memory.
 */
export async function ingest(inputs: readonly string[], conn: Connection, opts: IngestOptions = {}, hooks: IngestHooks = {}): Promise<IngestResult> {
  const batchArticles = opts.batchArticles ?? DEFAULT_BATCH_ARTICLES;
  const retry: RetryOptions = { ...retryFromEnv(), ...opts.retry, onRetry: hooks.onRetry };
  const result: IngestResult = { written: 0, alreadyPresent: 0, skipped: 0, annotations: 0, failed: 0, warnings: 0, counts: zeroCounts(), interrupted: false };
  const extractor = createExtractor(opts.workers ?? defaultWorkers());
  const resolver = new Resolver();
  const cache = new WriteCache();
  const seenThisRun = new Map<string, string>();
  let chunk: SourceDocument[] = [];
  // The transaction in flight; its failure is kept here and stops the run.
  let writing: Promise<void> = Promise.resolve();
  let writeError: Error | undefined;
  // Seeded from the database when the first new article needs resolving:
  // a re-run over articles that are all present never pays for it.
  let seeded = false;
  // Articles of this input already in the database, not yet replayed through the resolver (see replay).
  let unreplayed: SourceDocument[] = [];
  const presentIds = new Set<string>();
  // KG_INGEST_PROFILE=1: where the time went, on stderr at the end.
  const prof = process.env.KG_INGEST_PROFILE ? { check: 0, seed: 0, extract: 0, resolve: 0, write: 0, waitWrite: 0 } : undefined;
  const timed = async <T>(k: keyof NonNullable<typeof prof>, f: () => Promise<T>): Promise<T> => {
    if (!prof) return f();
    const t = performance.now();
    try {
      return await f();
    } finally {
      prof[k] += performance.now() - t;
    }
  };

  // Stage 1, started as soon as a chunk is read and run ahead of the rest: which articles are new,
  // then their extraction in the workers.
  const checkAndExtract = async (docs: SourceDocument[]): Promise<Checked> => {
    const inDb = await timed('check', () => withRetry(() => existingArticleIds(conn, docs.map((d) => d.id)), retry));
    const fresh = docs.filter((d) => !inDb.has(d.id));
    return { docs, fresh, outcomes: fresh.length ? await timed('extract', () => extractor.extractAll(fresh)) : [] };
  };

  // Stage 2, in input order: resolution, so that ids never depend on timing.
  //
  // Articles of this input that an earlier (interrupted) run wrote are not written again, but they
  // are resolved again, in their place: the resolver's memory (which meeting an undated report joined,
  // which namesake was seen last) is then what it was in the uninterrupted run, and the rest resolves
  // the same. The database seeds only what other inputs put there. Replay waits for the first new
  // article, so a re-run over articles that are all present extracts nothing; past REPLAY_HOLD
  // articles it goes ahead, so memory stays bounded.
  const seedOnce = async () => {
    if (seeded) return;
    const known = await timed('seed', () => withRetry(() => loadKnownEntities(conn, { articles: [...presentIds], sources: sourcePrefixes(inputs) }), retry));
    seedResolver(resolver, known);
    seeded = true;
  };
  const replay = async () => {
    if (!unreplayed.length) return;
    await seedOnce();
    const docs = unreplayed;
    unreplayed = [];
    const outcomes = await timed('extract', () => extractor.extractAll(docs));
    await resolveAll(outcomes, () => {});
  };
  const resolveAll = async (outcomes: ExtractOutcome[], keep: (b: GraphBatch, i: number) => void, failed?: (i: number, o: ExtractOutcome & { ok: false }) => void) => {
    let slice = performance.now();
    for (const [i, o] of outcomes.entries()) {
      if (o.ok) keep(resolver.resolve(o.extraction), i);
      else failed?.(i, o);
      // The transaction in flight needs this thread to read its results and commit: resolving a
      // whole chunk in one go would leave Neo4j waiting for it.
      const now = performance.now();
      if (now - slice > RESOLVE_SLICE_MS) {
        if (prof) prof.resolve += now - slice;
        await yieldToIo();
        slice = performance.now();
      }
    }
    if (prof) prof.resolve += performance.now() - slice;
  };

  const resolveChunk = async ({ docs, fresh, outcomes }: Checked): Promise<{ docs: SourceDocument[]; batches: GraphBatch[] }> => {
    result.alreadyPresent += docs.length - fresh.length;
    const isFresh = new Set(fresh.map((d) => d.id));
    for (const d of docs) if (!isFresh.has(d.id)) presentIds.add(d.id);
    if (!fresh.length) {
      unreplayed.push(...docs);
      if (unreplayed.length >= REPLAY_HOLD) await replay();
      return { docs, batches: [] };
    }
    await seedOnce();
    // Analysts' corrections, read again for every chunk so that one made during the ingest is applied.
    const corrections = await withRetry(() => loadStage(conn), retry);
    const batches: GraphBatch[] = [];
    // the chunk in input order: present articles replayed, new ones resolved for writing
    let k = 0;
    for (const d of docs) {
      if (!isFresh.has(d.id)) {
        unreplayed.push(d);
        continue;
      }
      await replay();
      const o = outcomes[k++]!;
      await resolveAll([o], (b) => batches.push(corrections.apply(b)), () => {
        result.failed++;
        hooks.onProblem?.('failed', { path: d.source, message: `extraction failed: ${(o as { error: string }).error.split('\n')[0]}` });
      });
    }
    return { docs, batches };
  };

  const commit = async ({ docs, batches }: { docs: SourceDocument[]; batches: GraphBatch[] }) => {
    if (batches.length) {
      const counts = await timed('write', () => withRetry(() => writeArticles(conn, batches, cache), retry));
      const written = counts.articlesWritten ?? batches.length;
      result.written += written;
      result.alreadyPresent += batches.length - written; // written meanwhile by a concurrent run
      result.counts = addCounts(result.counts, counts);
    }
    result.lastCommitted = docs.at(-1)!.source;
    hooks.onCommit?.({ articles: result.written, counts: result.counts, lastSource: result.lastCommitted });
  };

  // Chunks checked and extracting, oldest first: the workers start on a chunk while the one before
  // it is resolved and written.
  const ahead: Promise<Checked>[] = [];

  // Stage 3: one transaction in flight; the next chunk is resolved while it runs.
  const drainOne = async () => {
    const checked = await ahead.shift()!;
    if (writeError || opts.signal?.aborted) return;
    const prepared = await resolveChunk(checked);
    await timed('waitWrite', () => writing);
    if (writeError || opts.signal?.aborted) return;
    writing = commit(prepared).catch((e) => {
      writeError = e as Error;
    });
  };

  const flush = async () => {
    const started = checkAndExtract(chunk);
    // its failure is taken when the chunk's turn comes (drainOne), not as an unhandled rejection now
    started.catch(() => {});
    ahead.push(started);
    chunk = [];
    if (ahead.length > CHUNKS_AHEAD) await drainOne();
  };

  const handle = (ev: ReadEvent) => {
    if (ev.kind === 'annotation') result.annotations++;
    else if (ev.kind === 'skipped') {
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
      if (writeError) break;
      if (opts.signal?.aborted) {
        result.interrupted = true;
        break;
      }
    }
    if (!result.interrupted && !writeError && chunk.length) await flush();
    while (ahead.length && !writeError && !opts.signal?.aborted) await drainOne();
    await writing;
    if (opts.signal?.aborted && !writeError) result.interrupted = true;
    if (writeError) result.error = writeError;
    // Additions whose actors just arrived, and corrections recorded while a chunk was being written.
    else if (result.written) await withRetry(() => reapplyCorrections(conn), retry);
  } catch (e) {
    await writing;
    await Promise.allSettled(ahead);
    result.error = writeError ?? (e as Error);
  } finally {
    await extractor.close();
    if (prof) process.stderr.write(`profile (ms): ${Object.entries(prof).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}\n`);
  }
  return result;
}
