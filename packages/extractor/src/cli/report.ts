import { formatProblem, type InputProblem } from '../read';
import type { PipelineEvent } from '../pipeline';
import type { Progress } from './progress';

/** Counts what a run did and prints each problem as it happens, naming file and line. */
export class RunReport {
  articles = 0;
  skipped = 0;
  /** Gold annotation files found among the inputs: counted, not noted one by one. */
  annotations = 0;
  failed = 0;
  warnings = 0;
  readonly startedAt = Date.now();

  constructor(private readonly progress: Progress) {}

  /** Handles skip and failure events; returns true for an article, which the caller goes on with. */
  note(ev: PipelineEvent): ev is Extract<PipelineEvent, { kind: 'article' }> {
    if (ev.kind === 'annotation') {
      this.annotations++;
      return false;
    }
    if (ev.kind === 'skipped') {
      this.skipped++;
      this.progress.log(`skipped ${ev.path}: ${ev.reason}`);
      return false;
    }
    if (ev.kind === 'failed') {
      this.failure(ev.problem);
      return false;
    }
    for (const w of ev.warnings) this.warning(w);
    this.articles++;
    this.progress.update(this.articles, ev.extraction.doc.source);
    return true;
  }

  failure(p: InputProblem): void {
    this.failed++;
    this.progress.log(`error: ${formatProblem(p)}`);
  }

  warning(p: InputProblem): void {
    this.warnings++;
    this.progress.log(`warning: ${formatProblem(p)}`);
  }

  get seconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  summaryLine(): string {
    return `${this.articles} article${this.articles === 1 ? '' : 's'} read, ${this.skipped} skipped, ${this.failed} failed${
      this.warnings ? `, ${this.warnings} warning${this.warnings === 1 ? '' : 's'}` : ''
    }${annotationsSetAside(this.annotations)} in ${this.seconds.toFixed(1)} s`;
  }
}

/** ", 3 gold annotation files set aside", or nothing when there were none. */
export const annotationsSetAside = (n: number): string => (n ? `, ${n} gold annotation file${n === 1 ? '' : 's'} set aside` : '');
