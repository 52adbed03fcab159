/**
 * A small tokenizer for news English: words (with inner hyphens and
 * apostrophes: "Jong-un", "al-Busaidi", "N'Djamena"), dotted abbreviations
 * ("U.S.", "Lt.", "V."), numbers, and single punctuation marks. A possessive
 * "'s" / "’s" is its own token, so "Putin’s" is "Putin" + "'s".
 * Offsets are into the article text.
 */
export interface Token {
  /** Surface form with typographic quotes and dashes made plain. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  kind: 'word' | 'num' | 'punct';
}

/**
 * The definition of a token. `tokenize` reads the text with a hand-written scanner that finds the
 * same matches (test/extract/tokens.test.ts holds the two to each other over every real article);
 * the pattern itself is still run where the scanner meets a character outside the Basic
 * Multilingual Plane, whose classes it does not keep.
 */
export const TOKEN =
  /(?:\p{Lu}\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Adm|Sen|Rep|Gov|Prof|Sgt|St|Jr|Sr)\.|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{M}]+(?:['’‑-][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*(?:\s?(?:a\.m\.|p\.m\.))?|--|\S/gu;
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

// module-level: a pattern written inside a function is built again at every call
const POSSESSIVE = /^(.+[\p{L}])['’]s$/u;
const NOT_POSSESSIVE = /^(it|that|there|what|he|she|who|here|let)$/i;
const SPECIAL = /[’‘`‑–—]/;

const plain = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[‑–—]/g, (c) => (c === '‑' ? '-' : c));

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  // a sentence without typographic quotes or dashes has none in any token: no test per token
  const special = SPECIAL.test(text);
  const n = text.length;
  let p = 0;
  for (;;) {
    p = skipSpace(text, p, n);
    if (p >= n) break;
    let e = matchAt(text, p, n);
    if (e < 0) {
      TOKEN_AT.lastIndex = p;
      e = p + TOKEN_AT.exec(text)![0].length;
    }
    const raw = text.slice(p, e);
    const start = offset + p;
    const first = text.charCodeAt(p);
    p = e;
    const isWord = (classOf(first) & LETTER) !== 0;
    // possessive: split "Putin's" / "Zelenskyy’s"; keep "it's", "N'Djamena" whole
    const poss = isWord && (raw.endsWith("'s") || raw.endsWith('’s')) && POSSESSIVE.exec(raw);
    if (poss && poss[1]!.length > 1 && !NOT_POSSESSIVE.test(poss[1]!)) {
      const w = poss[1]!;
      out.push(mk(w, start, start + w.length, 'word', special));
      out.push(mk("'s", start + w.length, start + raw.length, 'punct', false));
      continue;
    }
    // "Trump-Backed", "Putin-Witkoff": kept whole here; names split them where needed.
    out.push(mk(raw, start, start + raw.length, isWord ? 'word' : first >= 48 && first <= 57 ? 'num' : 'punct', special));
  }
  return out;
}

function mk(raw: string, start: number, end: number, kind: Token['kind'], special: boolean): Token {
  const text = special && SPECIAL.test(raw) ? plain(raw) : raw;
  const lower = text.toLowerCase();
  const c = text.charCodeAt(0);
  // upper case: ASCII A-Z, or any letter whose lower case differs
  const cap = (c >= 65 && c <= 90) || (c > 127 && text[0] !== lower[0]);
  return { text, lower, start, end, cap, kind };
}

// -- the scanner ---------------------------------------------------------------------------------

// What the pattern's classes (with the `u` flag) say of one UTF-16 code unit, learnt from the
// classes themselves the first time the unit is met: \p{L}, \p{M}, \p{Lu}, \s. A surrogate is one
// half of a character the scanner leaves to the pattern.
const KNOWN = 1;
const LETTER = 2;
const MARK = 4;
const UPPER = 8;
const SPACE = 16;
const SURROGATE = 32;
const CLASSES = new Uint8Array(65536);
const RE_L = /\p{L}/u;
const RE_M = /\p{M}/u;
const RE_LU = /\p{Lu}/u;
const RE_S = /\s/u;
function classOf(c: number): number {
  let k = CLASSES[c]!;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = KNOWN | SURROGATE;
    else {
      const ch = String.fromCharCode(c);
      k = KNOWN | (RE_L.test(ch) ? LETTER : 0) | (RE_M.test(ch) ? MARK : 0) | (RE_LU.test(ch) ? UPPER : 0) | (RE_S.test(ch) ? SPACE : 0);
    }
    CLASSES[c] = k;
  }
  return k;
}
for (let c = 0; c < 128; c++) classOf(c);

const ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Adm', 'Sen', 'Rep', 'Gov', 'Prof', 'Sgt', 'St', 'Jr', 'Sr'];

function skipSpace(text: string, p: number, n: number): number {
  while (p < n && classOf(text.charCodeAt(p)) & SPACE) p++;
  return p;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const ampm = (text: string, at: number) => text.startsWith('a.m.', at) || text.startsWith('p.m.', at);

/**
 * End of the token that TOKEN matches at p (p is not a space), the alternatives tried in the
 * pattern's order; -1 when a surrogate is in the way and the pattern must say.
 */
function matchAt(text: string, p: number, n: number): number {
  const c = text.charCodeAt(p);
  const k = classOf(c);
  if (k & SURROGATE) return -1;
  if (k & UPPER) {
    // (?:\p{Lu}\.){2,}
    let q = p;
    let reps = 0;
    while (q + 1 < n) {
      const a = classOf(text.charCodeAt(q));
      if (a & SURROGATE) return -1;
      if (!(a & UPPER) || text.charCodeAt(q + 1) !== 46) break;
      reps++;
      q += 2;
    }
    if (reps >= 2) return q;
    // (?:Mr|Mrs|…)\.
    if (c < 128)
      for (const a of ABBREVIATIONS) if (text.charCodeAt(p + a.length) === 46 && text.startsWith(a, p)) return p + a.length + 1;
    // \p{Lu}\.(?=\s+\p{Lu})
    if (text.charCodeAt(p + 1) === 46) {
      const q0 = skipSpace(text, p + 2, n);
      if (q0 > p + 2 && q0 < n) {
        const a = classOf(text.charCodeAt(q0));
        if (a & SURROGATE) return -1;
        if (a & UPPER) return p + 2;
      }
    }
  }
  if (k & (LETTER | MARK)) {
    // [\p{L}\p{M}]+(?:['’‑-][\p{L}\p{M}]+)*
    let q = p + 1;
    for (;;) {
      while (q < n) {
        const a = classOf(text.charCodeAt(q));
        if (a & SURROGATE) return -1;
        if (!(a & (LETTER | MARK))) break;
        q++;
      }
      const j = q < n ? text.charCodeAt(q) : 0;
      if (!(j === 39 || j === 0x2019 || j === 0x2011 || j === 45) || q + 1 >= n) return q;
      const a = classOf(text.charCodeAt(q + 1));
      if (a & SURROGATE) return -1;
      if (!(a & (LETTER | MARK))) return q;
      q += 2;
    }
  }
  if (isDigit(c)) {
    // \d+(?:[.,:]\d+)*(?:\s?(?:a\.m\.|p\.m\.))?
    let q = p + 1;
    while (q < n && isDigit(text.charCodeAt(q))) q++;
    for (;;) {
      const j = q < n ? text.charCodeAt(q) : 0;
      if (!((j === 46 || j === 44 || j === 58) && q + 1 < n && isDigit(text.charCodeAt(q + 1)))) break;
      q += 2;
      while (q < n && isDigit(text.charCodeAt(q))) q++;
    }
    if (q < n && classOf(text.charCodeAt(q)) & SPACE && ampm(text, q + 1)) return q + 5;
    if (ampm(text, q)) return q + 4;
    return q;
  }
  // --
  if (c === 45 && text.charCodeAt(p + 1) === 45) return p + 2;
  // \S
  return p + 1;
}
