import type { DocumentMeta, InputProblem } from './document';
import { parsePublished } from './dates';

const KNOWN_KEYS = new Set(['title', 'url', 'published', 'date', 'publisher', 'source']);

/**
 * Splits the optional `key: value` header of a .txt article from its body.
 * A header is only taken as one when every line up to the first blank line
 * is a known key, so an article whose first line is "Moscow: talks ended"
 * keeps that line as text.
 */
export function splitTxtHeader(path: string, text: string): { meta: DocumentMeta; body: string; bodyLine: number; warnings: InputProblem[] } {
  const lines = text.split('\n');
  const blank = lines.findIndex((l) => !l.trim());
  const head = blank > 0 ? lines.slice(0, blank) : [];
  const fields = head.map((l) => /^([A-Za-z_]+):\s*(.*)$/.exec(l));
  if (!head.length || fields.some((m) => !m || !KNOWN_KEYS.has(m[1]!.toLowerCase())))
    return { meta: {}, body: text, bodyLine: 1, warnings: [] };
  const raw: Record<string, string> = {};
  fields.forEach((m) => (raw[m![1]!.toLowerCase()] = m![2]!.trim()));
  const warnings: InputProblem[] = [];
  const meta = metaFromFields(raw, (key, message) => warnings.push({ path, line: fields.findIndex((m) => m![1]!.toLowerCase() === key) + 1, message }));
  return { meta, body: lines.slice(blank + 1).join('\n'), bodyLine: blank + 2, warnings };
}

/** Turns raw header or front-matter fields into metadata; bad dates are reported, not fatal. */
export function metaFromFields(raw: Record<string, unknown>, warn: (key: string, message: string) => void): DocumentMeta {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString() : undefined);
  const meta: DocumentMeta = {};
  const title = str(raw.title);
  if (title) meta.title = title;
  const url = str(raw.url) ?? str(raw.source);
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const publisher = str(raw.publisher);
  if (publisher) meta.publisher = publisher;
  const dateKey = raw.published !== undefined ? 'published' : 'date';
  const { date, error } = parsePublished(str(raw[dateKey]));
  if (date) meta.published = date;
  if (error) warn(dateKey, `${error}; the article is read without a publication date`);
  return meta;
}
