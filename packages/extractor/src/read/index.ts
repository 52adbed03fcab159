import { promises as fs } from 'node:fs';
import path from 'node:path';
import { articleId } from './article-id';
import { decodeText } from './decode';
import { discover, describeFsError } from './discover';
import type { DocumentMeta, InputProblem, ReadEvent, SourceDocument } from './document';
import { splitTxtHeader } from './header';
import { readHtml } from './html';
import { readJsonl } from './jsonl';
import { readMarkdown } from './markdown';
import { SidecarMeta } from './sidecar';

export * from './document';
export { articleId } from './article-id';
export { ARTICLE_EXTENSIONS } from './discover';

export interface ReadOptions {
  /** Publication date for articles that carry none (header, front matter, meta.json). */
  published?: string;
  /** Larger single-article files (and JSONL lines) are refused (JSONL feeds are streamed and not limited as a whole). */
  maxArticleBytes?: number;
}

export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Reads articles from files and folders, one event per article, skipped file
 * or failure, in a stable order. Nothing here throws for bad input: every
 * problem becomes an event naming the file (and line).
 */
export async function* readArticles(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<ReadEvent> {
  const sidecar = new SidecarMeta();
  let reported = 0;
  const sidecarProblems = function* (): Generator<ReadEvent> {
    while (reported < sidecar.problems.length) yield { kind: 'failed', problem: sidecar.problems[reported++]! };
  };
  for await (const found of discover(inputs)) {
    if (found.kind !== 'file') yield found;
    else {
      const fallback = { ...(await sidecar.forFile(found.path)) };
      if (!fallback.published && opts.published) fallback.published = opts.published;
      yield* sidecarProblems();
      yield* readFile(found.path, fallback, opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES);
    }
  }
}

async function* readFile(file: string, fallback: DocumentMeta, maxBytes: number): AsyncGenerator<ReadEvent> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    try {
      for await (const item of readJsonl(file, maxBytes)) {
        if (!item.ok) yield { kind: 'failed', problem: item.problem };
        else yield article(`${file}:${item.line}`, { ...fallback, ...item.meta }, item.body, item.warnings);
      }
    } catch (e) {
      yield { kind: 'failed', problem: { path: file, message: describeFsError(e) } };
    }
    return;
  }
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.size > maxBytes)
      return yield {
        kind: 'failed',
        problem: { path: file, message: `too large for one article (${mb(st.size)} > ${mb(maxBytes)}); split it, or use JSONL for many articles` },
      };
    bytes = await fs.readFile(file);
  } catch (e) {
    return yield { kind: 'failed', problem: { path: file, message: describeFsError(e) } };
  }
  const decoded = decodeText(file, bytes);
  if ('problem' in decoded) return yield { kind: 'failed', problem: decoded.problem };
  const parsed =
    ext === '.html' || ext === '.htm'
      ? readHtml(file, decoded.text)
      : ext === '.md' || ext === '.markdown'
        ? readMarkdown(file, decoded.text)
        : splitTxtHeader(file, decoded.text);
  if (!parsed.body.trim()) return yield { kind: 'failed', problem: { path: file, message: 'no article text after the header' } };
  yield article(file, { ...fallback, ...parsed.meta }, parsed.body, parsed.warnings);
}

function article(source: string, meta: DocumentMeta, body: string, warnings: InputProblem[]): ReadEvent {
  const doc: SourceDocument = {
    id: articleId(body),
    title: meta.title ?? guessTitle(body),
    source,
    text: body,
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
  };
  return { kind: 'article', doc, warnings };
}

/** Articles saved as plain text usually start with their headline on a line of its own. */
export function guessTitle(body: string): string {
  const first = body.split('\n').find((l) => l.trim())?.trim() ?? '';
  const words = first.split(/\s+/).length;
  if (first.length <= 200 && words <= 30 && !/[.!?]["”’]?$/.test(first)) return first;
  return first.length > 80 ? `${first.slice(0, 77).trimEnd()}…` : first;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
