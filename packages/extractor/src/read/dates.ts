import { IsoDate } from '@kg/graph-schema';

/**
 * Reads a publication date as written in headers and feeds: `2025-12-04`,
 * `2025-12-04T10:00:00Z`, `December 4, 2025`. Returns undefined for values
 * that mean "no date" (empty, `unknown`, `n/a`), and an error for text that
 * claims to be a date but is not one (`2025-02-30`).
 */
export function parsePublished(raw: string | undefined | null): { date?: string; error?: string } {
  const s = (raw ?? '').trim();
  if (!s || /^(unknown|n\/?a|none|null|-)$/i.test(s)) return {};
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) {
    const ok = IsoDate.safeParse(iso[1]);
    return ok.success ? { date: iso[1] } : { error: `impossible date "${s}"` };
  }
  const t = Date.parse(`${s} UTC`);
  if (!Number.isNaN(t) && /\d{4}/.test(s)) return { date: new Date(t).toISOString().slice(0, 10) };
  return { error: `unreadable date "${s}"` };
}
