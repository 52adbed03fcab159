import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { extract } from '../extract';
import type { Extraction } from '../extract/types';
import type { SourceDocument } from '../read/document';

export type ExtractOutcome = { ok: true; extraction: Extraction } | { ok: false; error: string };

/**
 * Runs `extract` over many documents; results come back in input order.
 * From worker threads, `explain` comes back empty (ingest does not use it).
 */
export interface Extractor {
  extractAll(docs: readonly SourceDocument[]): Promise<ExtractOutcome[]>;
  close(): Promise<void>;
}

const JOBS_PER_WORKER = 4;

export const defaultWorkers = () => os.availableParallelism();

/** With 0 or 1 workers, extraction runs on the calling thread (no start-up cost for small inputs). */
export function createExtractor(workers: number): Extractor {
  return workers > 1 ? new WorkerPool(workers) : inline;
}

const inline: Extractor = {
  async extractAll(docs) {
    return docs.map((doc) => {
      try {
        return { ok: true, extraction: extract(doc) };
      } catch (e) {
        return { ok: false, error: (e as Error).stack ?? String(e) };
      }
    });
  },
  async close() {},
};

class WorkerPool implements Extractor {
  private workers: Worker[] = [];
  private pending = new Map<number, (o: ExtractOutcome) => void>();
  private docs = new Map<number, SourceDocument>();
  private queue: { id: number; doc: SourceDocument }[] = [];
  /** Jobs each worker holds: a few queued in each, so a worker never waits for this thread between two. */
  private load = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number) {
    const file = path.join(__dirname, 'extract-worker.ts');
    for (let i = 0; i < size; i++) {
      // Workers run the TypeScript sources through tsx, like the CLI itself.
      const w = new Worker(file, { execArgv: ['--require', require.resolve('tsx/cjs')] });
      w.on('message', (m: { id: number; extraction?: Omit<Extraction, 'doc' | 'explain'>; error?: string }) => {
        const done = this.pending.get(m.id);
        const doc = this.docs.get(m.id)!;
        this.pending.delete(m.id);
        this.assigned.delete(m.id);
        this.docs.delete(m.id);
        done?.(m.error ? { ok: false, error: m.error } : { ok: true, extraction: { ...m.extraction!, doc, explain: [] } });
        this.load.set(w, this.load.get(w)! - 1);
        this.pump();
      });
      w.on('error', (e) => {
        // A crashed worker fails the article it held; the others go on.
        for (const [id, owner] of this.assigned)
          if (owner === w) {
            this.pending.get(id)?.({ ok: false, error: `extraction worker crashed: ${e.message}` });
            this.pending.delete(id);
            this.assigned.delete(id);
            this.docs.delete(id);
          }
        this.workers = this.workers.filter((x) => x !== w);
        this.load.delete(w);
        if (!this.workers.length) for (const job of this.queue.splice(0)) this.pending.get(job.id)?.({ ok: false, error: 'no extraction worker left' });
      });
      this.workers.push(w);
      this.load.set(w, 0);
    }
  }

  private assigned = new Map<number, Worker>();

  extractAll(docs: readonly SourceDocument[]): Promise<ExtractOutcome[]> {
    return Promise.all(
      docs.map(
        (doc) =>
          new Promise<ExtractOutcome>((resolve) => {
            const id = this.nextId++;
            this.pending.set(id, resolve);
            this.docs.set(id, doc);
            this.queue.push({ id, doc });
            this.pump();
          }),
      ),
    );
  }

  private pump(): void {
    while (this.queue.length) {
      let w: Worker | undefined;
      for (const [x, n] of this.load) if (n < JOBS_PER_WORKER && (!w || n < this.load.get(w)!)) w = x;
      if (!w) return;
      const job = this.queue.shift()!;
      this.assigned.set(job.id, w);
      this.load.set(w, this.load.get(w)! + 1);
      w.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
