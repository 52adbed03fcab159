/**
 * Stage 1, "clean text": finds what in an article is not article body —
 * site chrome (lists of other headlines, "Related Articles"), bylines, photo
 * credits, headlines and section headings — and the dateline. Nothing is
 * removed from the text (provenance offsets point into doc.text); later
 * stages ask `zoneOf(offset)` and skip what is not body.
 */

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_CLOSING_PUNCT = /[.!?:;"”’)]$/;
const RE_SPACES = /\s+/;
const RE_ACCORDING_BUT_AND = /^(According|But|And|The|In|On|At|As|After|Before|When|While|Meanwhile|However)$/i;
const RE_LOWER_WORDS = /^[\p{Ll} .]+$/u;

export type Zone = 'body' | 'heading' | 'chrome' | 'byline';

export interface Dateline {
  /** City as written, in normal case ("ISTANBUL" → "Istanbul"). */
  city: string;
  /** "Dec 4", "3 December", "May 16" when the dateline carries a date. */
  dateText?: string;
  start: number;
  end: number;
}

export interface Layout {
  zoneOf(offset: number): Zone;
  /** Offset where site chrome begins (text after it is never read), or text.length. */
  chromeStart: number;
  dateline?: Dateline;
}

// Headings that open the end-of-page furniture of news sites.
const CHROME_HEAD =
  /^(related( articles| stories| news| posts)?|hot this week|popular( categories| posts| stories)?|read more|also read|read also|more from|more stories|more news|trending( now| news)?|most (popular|read|viewed)|you may (also )?like|recommended( for you)?|latest( news| stories)?|top stories|share this( article)?|follow us|back to top( button)?|tags?:|advertisement|subscribe|sign up|leave a (reply|comment)|comments?|spot_img)\s*:?\s*$/i;
const RULE_LINE = /^\s*[-_=*~#]{3,}\s*$/;
// Lines that credit a writer or a photographer.
const BYLINE =
  /^\s*(?:[-–—*]+\s*)?(?:(?:by|writing by|reporting by|additional reporting by|editing by|edited by|compiled by|written by)\s+\S)|^\s*[-–—*]+\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)+(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)+)*\s*$|\b(?:photo|photograph|image|picture|file photo)\s*(?:credit)?\s*[:/]|\((?:photo|image)[^)]*\)\s*$|getty images|\bAP Photo\b/iu;
/**
 * A cheap test that rules BYLINE out for most lines (paragraphs of the body): its anchored forms
 * start with a dash, a star or "by", "writing by", "reporting by", "additional …", "editing by",
 * "edited by", "compiled by", "written by"; the others hold "photo", "image" or "picture".
 */
const BYLINE_START = /^[-–—*bwraecBWRAEC]/;
function mayBeByline(t: string): boolean {
  if (BYLINE_START.test(t)) return true;
  const l = t.toLowerCase();
  return l.includes('photo') || l.includes('image') || l.includes('picture');
}
// "Agency / Author" signature lines.
const SIGNATURE = /^\s*[\p{Lu}][\p{L} .]+\s\/\s[\p{Lu}][\p{L} .]+\s*$/u;

/** A line with no closing punctuation that is short is a headline or a section heading. */
function isHeading(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (RE_CLOSING_PUNCT.test(t)) return false;
  const words = t.split(RE_SPACES);
  if (words.length > 24) return false;
  return true;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATELINE = new RegExp(
  String.raw`^\s*([A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2})` + // city
    String.raw`((?:,\s*(?:\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2}|[A-Z][\p{L}.]+(?: [A-Z][\p{L}.]+)?))*)` + // , state/country/date
    String.raw`\.?\s*(?:/[A-Z]+/\.?|(?:\([^)]{1,20}\))?\s*(?::|—|–|--|-\s))`,
  'u',
);

const DATELINE_DATE = new RegExp(String.raw`(\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2})`);

export function findDateline(text: string, from: number): Dateline | undefined {
  const para = text.slice(from, from + 160);
  const m = DATELINE.exec(para);
  if (!m) return undefined;
  const city = m[1]!.trim();
  if (RE_ACCORDING_BUT_AND.test(city)) return undefined;
  const dm = DATELINE_DATE.exec(m[2] ?? '');
  const norm = city === city.toUpperCase() ? city.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : city;
  const lead = para.length - para.trimStart().length;
  return { city: norm, ...(dm ? { dateText: dm[1] } : {}), start: from + lead, end: from + m[0].length };
}

export function analyzeLayout(text: string): Layout {
  const zones: { start: number; end: number; zone: Zone }[] = [];
  let chromeStart = text.length;
  let offset = 0;
  let firstBody: number | undefined;
  let sawBody = false;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const t = line.trim();
    if (!t) continue;
    const late = start > text.length * 0.35;
    if (chromeStart === text.length && late && (CHROME_HEAD.test(t) || RULE_LINE.test(t))) {
      chromeStart = start;
      continue;
    }
    if (start >= chromeStart) continue;
    if ((mayBeByline(t) && BYLINE.test(t)) || (t.includes('/') && SIGNATURE.test(t)) || (sawBody && late && RE_LOWER_WORDS.test(t) && t.split(RE_SPACES).length <= 4))
      zones.push({ start, end, zone: 'byline' });
    else if (isHeading(t)) zones.push({ start, end, zone: 'heading' });
    else {
      sawBody = true;
      firstBody ??= start;
    }
  }
  const dateline = firstBody !== undefined ? findDateline(text, firstBody) : undefined;
  return {
    chromeStart,
    ...(dateline ? { dateline } : {}),
    zoneOf(o: number): Zone {
      if (o >= chromeStart) return 'chrome';
      for (const z of zones) if (o >= z.start && o < z.end) return z.zone;
      return 'body';
    },
  };
}
