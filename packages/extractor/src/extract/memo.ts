/**
 * The same few names come back in every article: their keys are computed once. Bounded, so that
 * memory stays flat however many names a corpus holds.
 */
export function memo<T>(f: (s: string) => T, max = 20000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

/**
 * A fixed list of words with the `test` of the anchored alternation it replaces
 * (`/^(a|b|c)$/.test(w)`): one Set lookup instead of trying each word in turn.
 */
export function wordSet(words: readonly string[]): { test(w: string): boolean; has(w: string): boolean } {
  const set = new Set(words);
  return { test: (w: string) => set.has(w), has: (w: string) => set.has(w) };
}

/** A sentence's lower-case tokens joined by single spaces, and where each token starts in it. */
export interface LowerText {
  joined: string;
  /** offs[k]: offset of token k in `joined`; offs[n] = joined.length + 1 */
  offs: Int32Array;
}
/**
 * The rules read one sentence at a time, so the last sentence's value is the one asked for again: a
 * single slot, where a WeakMap entry per sentence would cost an ephemeron to every GC.
 */
let lastToks: readonly { lower: string }[] | undefined;
let lastLower: LowerText | undefined;
export function lowerText(toks: readonly { lower: string }[]): LowerText {
  if (toks === lastToks) return lastLower!;
  const offs = new Int32Array(toks.length + 1);
  for (let k = 0; k < toks.length; k++) offs[k + 1] = offs[k]! + toks[k]!.lower.length + 1;
  const lt = { joined: toks.map((t) => t.lower).join(' '), offs };
  lastToks = toks;
  lastLower = lt;
  return lt;
}

/** `f(key)`, remembered for the last key only (see lowerText): for values derived from one sentence. */
export function lastOnly<K extends object, V>(f: (key: K) => V): (key: K) => V {
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key: K) => {
    if (key !== lastKey) {
      lastValue = f(key);
      lastKey = key;
    }
    return lastValue!;
  };
}
/** `toks.slice(a, b).map((t) => t.lower).join(' ')`, without the arrays. */
export function lowerSpan(toks: readonly { lower: string }[], a: number, b: number): string {
  const lt = lowerText(toks);
  if (a < 0) a = 0;
  if (b > toks.length) b = toks.length;
  return a < b ? lt.joined.slice(lt.offs[a]!, lt.offs[b]! - 1) : '';
}
