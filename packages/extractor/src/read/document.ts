import { z } from 'zod';
import { Article, IsoDate } from '@kg/graph-schema';

/**
 * An article as read from disk, before extraction. Its Article node is
 * derived from it; `text` is what character offsets in provenance refer to.
 */
export const SourceDocument = Article.pick({ id: true, title: true, url: true, published: true, publisher: true }).extend({
  /** Where it came from, for messages: a path, with `:line` for JSONL records. */
  source: z.string(),
  text: z.string(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

/** Metadata a file may carry in its header or front matter, or a meta.json may give it. */
export const DocumentMeta = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  published: IsoDate.optional(),
  publisher: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A problem with one input, located as precisely as the reader can. */
export interface InputProblem {
  path: string;
  line?: number;
  message: string;
}

export const formatProblem = (p: InputProblem): string => `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/** What reading yields, in input order: articles, gold annotation files set aside, inputs skipped on purpose, and inputs that failed. */
export type ReadEvent =
  | { kind: 'article'; doc: SourceDocument; warnings: InputProblem[] }
  | { kind: 'annotation'; path: string }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; problem: InputProblem };
