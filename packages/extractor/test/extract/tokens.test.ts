import fs from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../../src/extract/sentences';
import { TOKEN, tokenize, type Token } from '../../src/extract/tokens';
import { ROOT } from './helpers';

/**
 * The tokenizer as it was before the hand-written scanner: every match of TOKEN in turn. The
 * scanner must give exactly these tokens (texts, offsets, kinds, case), on every real sentence and
 * on characters of every kind.
 */
function tokenizeByPattern(text: string, offset = 0): Token[] {
  const SPECIAL = /[’‘`‑–—]/;
  const plain = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[‑–—]/g, (c) => (c === '‑' ? '-' : c));
  const mk = (raw: string, start: number, end: number, kind: Token['kind'], special: boolean): Token => {
    const t = special && SPECIAL.test(raw) ? plain(raw) : raw;
    const lower = t.toLowerCase();
    const c = t.charCodeAt(0);
    return { text: t, lower, start, end, cap: (c >= 65 && c <= 90) || (c > 127 && t[0] !== lower[0]), kind };
  };
  const isLetter = (raw: string, c: number) => ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? true : c < 128 ? false : /\p{L}/u.test(raw[0]!));
  const re = new RegExp(TOKEN.source, 'gu');
  const out: Token[] = [];
  const special = SPECIAL.test(text);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const start = offset + m.index;
    const first = raw.charCodeAt(0);
    const isWord = isLetter(raw, first);
    const poss = isWord && (raw.endsWith("'s") || raw.endsWith('’s')) && /^(.+[\p{L}])['’]s$/u.exec(raw);
    if (poss && poss[1]!.length > 1 && !/^(it|that|there|what|he|she|who|here|let)$/i.test(poss[1]!)) {
      const w = poss[1]!;
      out.push(mk(w, start, start + w.length, 'word', special));
      out.push(mk("'s", start + w.length, start + raw.length, 'punct', false));
      continue;
    }
    out.push(mk(raw, start, start + raw.length, isWord ? 'word' : first >= 48 && first <= 57 ? 'num' : 'punct', special));
  }
  return out;
}

/** Tokens as one string: jest compares two strings far faster than two long arrays of objects. */
const flat = (ts: Token[]) => ts.map((t) => `${t.start}:${t.end}:${t.kind}:${t.cap ? 1 : 0}:${t.text}:${t.lower}`).join('\u0001');

function realTexts(): string[] {
  // both folders are in the repository: a missing one is an error, never a smaller sample
  const dirs = [path.join(ROOT, 'data/seeds'), path.join(ROOT, 'data/dev')];
  return dirs
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
}

describe('tokenizer', () => {
  test('gives the tokens of the pattern on every sentence of the real articles (seeds and dev)', () => {
    const texts = realTexts();
    expect(texts.length).toBeGreaterThan(10);
    let sentences = 0;
    for (const text of texts) {
      // whole articles too: line breaks, headers and chrome are text the scanner reads as well
      expect(flat(tokenize(text))).toBe(flat(tokenizeByPattern(text)));
      for (const s of splitSentences(text)) {
        sentences++;
        expect(flat(tokenize(s.text, s.start))).toBe(flat(tokenizeByPattern(s.text, s.start)));
      }
    }
    expect(sentences).toBeGreaterThan(300);
  });

  test('gives the tokens of the pattern on abbreviations, numbers, names and punctuation', () => {
    const cases = [
      'U.S. Army Secretary Dan Driscoll; U.S.A.; U.S; A.B.C.D. and Lt. Gen. Keith Kellogg, Mrs. May, Mr Smith, St.Petersburg',
      'Vladimir V. Putin and V.  Putin, V.\u00a0Putin, V.\nPutin, A. b, talks at 10 a.m. or 3:30 p.m., 10a.m., 1,000.50 and 2025-12-03',
      'Kim Jong-un, al-Busaidi, N’Djamena, N\'Djamena, Putin’s, Putin\'s, it\'s, Xi\'s, A\'s, rock-\'n\'-roll, Jong‑un -- the end—or – not',
      '“Quoted,” ‘single’, `tick`, (brackets) [x] {y} ... !? ¿Qué? Erdoğan, Türkiye, São Paulo, Zürich’s, ÉLYSÉE’S, İstanbul, Ωmega',
      'e\u0301cole, \u0301alone, Ǆemal, ǅ, 𝐀.𝐁. talks, 𝒜bc, emoji 😀 here, 😀’s, a😀b, lone \ud800 and \udc00 halves, 1😀',
      'tab\tand\u2003em space, \u3000ideographic, \ufeffbom, line\u2028sep, \u180emongolian, zero\u200bwidth',
    ];
    for (const c of cases) expect(tokenize(c, 7)).toEqual(tokenizeByPattern(c, 7));
  });

  test('gives the tokens of the pattern around every character of the Basic Multilingual Plane', () => {
    const contexts = (ch: string) => [`A${ch}B`, `U.${ch}.`, `${ch}.${ch}. x`, `ab${ch}'s`, `x-${ch}y`, `1${ch}2 ${ch}`, `A. ${ch}b`, `${ch}${ch}`];
    const batch: string[] = [];
    for (let c = 0; c < 0x10000; c++) batch.push(...contexts(String.fromCharCode(c)));
    // one long text per few thousand cases keeps this fast; offsets and tokens must agree throughout
    for (let i = 0; i < batch.length; i += 4000) {
      const text = batch.slice(i, i + 4000).join(' ');
      expect(flat(tokenize(text))).toBe(flat(tokenizeByPattern(text)));
    }
  });
});
