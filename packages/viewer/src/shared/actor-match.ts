/**
 * Matching of a typed query against actor names and aliases, shared by the
 * server's file mode and the browser's autocomplete so both rank alike.
 * Accents and case are ignored: "zelenskyy" finds "Zelenskyy", "lavrov" finds
 * "Lavrov", "sergei" finds "Sergeï".
 */
export const normalize = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Score of one name for a normalized query: 0 when it does not match, higher for better matches. */
export function scoreName(normalizedName: string, q: string): number {
  if (!q || !normalizedName) return 0;
  if (normalizedName === q) return 100;
  if (normalizedName.startsWith(q)) return 80;
  // Every query word is the start of some word of the name: "vlad put" → "Vladimir Putin".
  const words = normalizedName.split(' ');
  const terms = q.split(' ');
  if (terms.every((t) => words.some((w) => w.startsWith(t)))) return 60;
  if (normalizedName.includes(q)) return 30;
  return 0;
}

export interface Matchable {
  name: string;
  aliases?: readonly string[];
}

/** Best score over the name and the aliases; the name wins ties so it is what users see first. */
export function scoreActor(a: Matchable, normalizedQuery: string): number {
  let best = scoreName(normalize(a.name), normalizedQuery) + 1;
  if (best === 1) best = 0;
  for (const alias of a.aliases ?? []) best = Math.max(best, scoreName(normalize(alias), normalizedQuery));
  return best;
}
