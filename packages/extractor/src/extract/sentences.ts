/** A sentence with its offsets in the article text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const ABBREV = /\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col|Gov|Prof|U\.S|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|[A-Z])\.$/;

/** Splits text into sentences at ., ! or ? followed by a capital, and at paragraph breaks. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
  };
  let start = 0;
  const re = /([.!?]["”’)]*)\s+(?=["“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“"])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + (m[1]?.length ?? 0);
    if (m[1] && ABBREV.test(text.slice(Math.max(start, end - 6), end))) continue;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}
