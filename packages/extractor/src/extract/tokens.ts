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

const TOKEN =
  /(?:\p{Lu}\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Adm|Sen|Rep|Gov|Prof|Sgt|St|Jr|Sr)\.|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{M}]+(?:['’‑-][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*(?:\s?(?:a\.m\.|p\.m\.))?|--|\S/gu;

const plain = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[‑–—]/g, (c) => (c === '‑' ? '-' : c));

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  // a sentence without typographic quotes or dashes has none in any token: no test per token
  const special = SPECIAL.test(text);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) {
    let raw = m[0];
    const start = offset + m.index;
    const first = raw.charCodeAt(0);
    const isWord = isLetter(raw, first);
    // possessive: split "Putin's" / "Zelenskyy’s"; keep "it's", "N'Djamena" whole
    const poss = isWord && (raw.endsWith("'s") || raw.endsWith('’s')) && /^(.+[\p{L}])['’]s$/u.exec(raw);
    if (poss && poss[1]!.length > 1 && !/^(it|that|there|what|he|she|who|here|let)$/i.test(poss[1]!)) {
      const w = poss[1]!;
      out.push(mk(w, start, start + w.length, 'word', special));
      out.push(mk("'s", start + w.length, start + raw.length, 'punct', false));
      continue;
    }
    // "Trump-Backed", "Putin-Witkoff": kept whole here; names split them where needed.
    raw = raw;
    out.push(mk(raw, start, start + raw.length, isWord ? 'word' : first >= 48 && first <= 57 ? 'num' : 'punct', special));
  }
  return out;
}

const SPECIAL = /[’‘`‑–—]/;
function mk(raw: string, start: number, end: number, kind: Token['kind'], special: boolean): Token {
  const text = special && SPECIAL.test(raw) ? plain(raw) : raw;
  const lower = text.toLowerCase();
  const c = text.charCodeAt(0);
  // upper case: ASCII A-Z, or any letter whose lower case differs
  const cap = (c >= 65 && c <= 90) || (c > 127 && text[0] !== lower[0]);
  return { text, lower, start, end, cap, kind };
}

function isLetter(raw: string, c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128) return false;
  return /\p{L}/u.test(raw[0]!);
}
