/**
 * Name comparison for scoring, as the gold format defines it: names are
 * compared after folding accents, case, possessives and punctuation, and a
 * person may be recognised by surname when the given names do not conflict.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const QUOTE_VARIANTS = /[’‘`]/g;
const POSSESSIVE = /'s\b/g;
const NOT_NAME_CHARS = /[^a-z0-9' -]+/g;

/** "Zelenskyy’s" → "zelenskyy", "Erdoğan" → "erdogan", "Kim Jong-un" → "kim jong-un". */
export function normName(s: string | null | undefined): string {
  let t = String(s ?? '');
  t = t.normalize('NFKD').replace(COMBINING_MARKS, '');
  t = t.replace(QUOTE_VARIANTS, "'").toLowerCase();
  t = t.replace(POSSESSIVE, '');
  t = t.replace(NOT_NAME_CHARS, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** Words that precede a name but never identify the person. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'prime', 'minister', 'sir', 'gen', 'general']);

/** The words of a name, titles left out. */
export function nameTokens(s: string): string[] {
  return normName(s)
    .split(' ')
    .filter((w) => w !== '' && !HONORIFICS.has(w));
}

export function surname(s: string): string {
  const words = nameTokens(s);
  return words[words.length - 1] ?? '';
}

/**
 * True when both names have given names and none of them agree: no word in
 * common, and no initial that fits ("J." fits "Jared"). "Jared Witkoff" and
 * "Steve Witkoff" conflict; "Witkoff" and "Steve Witkoff" do not.
 */
export function givenNamesConflict(a: string, b: string): boolean {
  const given = (s: string) => nameTokens(s).slice(0, -1);
  const ga = given(a);
  const gb = given(b);
  if (ga.length === 0 || gb.length === 0) return false;
  const fits = (t: string, u: string) => t === u || (t[0] === u[0] && (t.length === 1 || u.length === 1));
  return !ga.some((t) => gb.some((u) => fits(t, u)));
}
