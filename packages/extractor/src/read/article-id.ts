import { createHash } from 'node:crypto';

/**
 * Articles are identified by their content, not their file name: the same
 * text under another name (or fetched again with different spacing) is the
 * same article, so ingesting it again writes nothing.
 */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function articleId(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex').slice(0, 24);
}
