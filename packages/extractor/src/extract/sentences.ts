// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_SPACE = /\s/;

/** A sentence with its offsets in the article text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

// Words that end with a full stop without ending the sentence.
const ABBREV =
  /(?:^|[\s("“])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col|Maj|Capt|Cmdr|Adm|Gov|Prof|Sgt|Jr|Sr|Hon|Rev|Ft|Mt|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Calif|Fla|Mass|Wash|Va|Pa|Ill|Tex|Ga|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$/;

/**
 * Splits text into sentences: at every line break (news files put one
 * paragraph or one heading per line), and inside a line at . ! ? (and a
 * closing quote) followed by a capital, a digit or an opening quote — except
 * after titles, initials and abbreviations ("Mr.", "Vladimir V. Putin", "U.S.").
 */
/** Adds text[s, e) without its surrounding spaces, unless nothing is left. */
function push(out: Sentence[], text: string, s: number, e: number): void {
  while (s < e && RE_SPACE.test(text[s]!)) s++;
  while (e > s && RE_SPACE.test(text[e - 1]!)) e--;
  if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /([.!?]+["”’)]*)[ \t]+(?=["“‘(]?[\p{Lu}\d])|\n/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '\n') {
      push(out, text, start, m.index);
      start = m.index + 1;
      continue;
    }
    const end = m.index + m[1]!.length;
    if (m[1] === '.' && ABBREV.test(text.slice(Math.max(start, m.index - 12), m.index + 1))) {
      // "U.S. Army" is one sentence; "... the U.S. The next" is rare enough to accept.
      continue;
    }
    push(out, text, start, end);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}
