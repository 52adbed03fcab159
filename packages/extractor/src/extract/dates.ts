import { MONTHS as MONTH_WORDS, WEEKDAYS as WEEKDAY_WORDS } from './lexicon';
import type { Token } from './tokens';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_DAY_NUMBER = /^\d{1,2}$/;
const RE_YEAR = /^(19|20)\d\d$/;
const RE_FINAL_DOT = /\.$/;
const RE_LATE_EARLY_LATER = /^(late|early|later|earlier|this)$/;
const RE_LATE_EARLY = /^(late|early)$/;
const RE_NIGHT_MORNING_EVENING = /^(night|morning|evening|afternoon)$/;
const RE_TODAY_TONIGHT_YESTERDAY = /^(today|tonight|yesterday|tomorrow)$/;
const RE_LAST_THIS_NEXT = /^(last|this|next|past)$/;
const RE_WEEK_WEEKEND_MONTH = /^(week|weekend|month|year)$/;
const RE_WEEK_WEEKS_DAYS = /^(week|weeks|days|months|day|month)$/;
const RE_ORDINAL_SUFFIX = /^(st|nd|rd|th)$/;
// what may follow "the 30th" when it is a day: "the 23rd round", "the 6th Trilateral Meeting" are not
const RE_AFTER_ORDINAL_DAY = /^(in|at|for|on|with|and|when|as|after|before|during|to|from|of|but|while|where|or)$/;
const RE_ZA_ZA = /^(\d{1,2})\s+([A-Za-z]+)\.?$|^([A-Za-z]+)\.?\s+(\d{1,2})$/;

/**
 * Dates as news writes them, resolved against the article's reference date
 * (the dateline's date when there is one, else the publication date):
 * "late Tuesday", "later Thursday", "on Saturday", "last Monday",
 * "Tuesday's talks", "May 16", "3 December", "May 16, 2025", "today",
 * "yesterday", "tomorrow". Without a reference date, only dates that carry
 * their year resolve; the words stay in dateText either way.
 */
export interface DateExpr {
  t0: number;
  t1: number;
  start: number;
  end: number;
  text: string;
  /** what the words say, before resolution */
  kind: 'weekday' | 'monthday' | 'full' | 'deictic' | 'vague' | 'ordinalday';
  weekday?: number;
  month?: number;
  day?: number;
  year?: number;
  /** -1 "last", +1 "next", 0 none (for an ordinal day: "of last month", "of next month") */
  shift?: number;
  /** deictic offset in days: today 0, yesterday -1, tomorrow +1 */
  offset?: number;
}

// Maps, not objects: most words looked up are no month, and a Map answers a miss at once
// (an object also walks its prototype: "constructor" would be a month)
const MONTHS = new Map(Object.entries(MONTH_WORDS));
const WEEKDAYS = new Map(Object.entries(WEEKDAY_WORDS));

const DAY_MS = 86400000;
// Dates are resolved again for every meeting an anaphor is compared with: the day of a time is
// written digit by digit (toISOString and its string are slower), and a day's time is parsed once.
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const iso = (d: Date) => {
  const y = d.getUTCFullYear();
  // outside 0–9999 (and for an invalid date) toISOString says it: an expanded year, or a RangeError
  if (!(y >= 1000 && y <= 9999)) return d.toISOString().slice(0, 10);
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
};
const isoTimes = new Map<string, number>();
const parseIso = (s: string) => {
  let t = isoTimes.get(s);
  if (t === undefined) {
    t = new Date(`${s}T00:00:00Z`).getTime();
    // bounded: the days of a corpus are few, but the cache must not grow without end
    if (isoTimes.size >= 20000) isoTimes.clear();
    isoTimes.set(s, t);
  }
  return new Date(t);
};

// one field order for every date (absent ones undefined): one hidden class for all of them
// (a module-level function: a named closure costs a property definition each time it is made, under
// the transform that runs this code)
function mk(toks: Token[], t0: number, t1: number, e: Omit<DateExpr, 't0' | 't1' | 'start' | 'end' | 'text'>, text?: string): DateExpr {
  return {
    t0,
    t1,
    start: toks[t0]!.start,
    end: toks[t1 - 1]!.end,
    text: text ?? toks.slice(t0, t1).map((t) => t.text).join(' ').replace(/ ([,'])/g, '$1'),
    kind: e.kind,
    weekday: e.weekday,
    month: e.month,
    day: e.day,
    year: e.year,
    shift: e.shift,
    offset: e.offset,
  };
}

// "30th" is two tokens ("30", "th"); its words are written as one
const ordinalText = (toks: Token[], t0: number, t1: number) =>
  toks.slice(t0, t1).map((t) => t.text).join(' ').replace(/(\d) (st|nd|rd|th)\b/g, '$1$2');

export function findDates(toks: Token[]): DateExpr[] {
  const out: DateExpr[] = [];
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const tk = toks[i]!;
    // only words and numbers can start a date
    if (tk.kind === 'punct') continue;
    const w = tk.lower.endsWith('.') ? tk.lower.slice(0, -1) : tk.lower;
    const month = MONTHS.get(w);
    // "May 16", "May 16, 2025", "Dec 4"
    if (month && toks[i]!.cap && i + 1 < n && RE_DAY_NUMBER.test(toks[i + 1]!.text) && +toks[i + 1]!.text <= 31 && !(w === 'may' && !toks[i]!.cap)) {
      let j = i + 2;
      let year: number | undefined;
      if (j + 1 < n && toks[j]!.text === ',' && RE_YEAR.test(toks[j + 1]!.text)) {
        year = +toks[j + 1]!.text;
        j += 2;
      } else if (j < n && RE_YEAR.test(toks[j]!.text)) {
        year = +toks[j]!.text;
        j += 1;
      }
      let s = i;
      // "Friday, May 16": the weekday is part of it
      if (s >= 2 && toks[s - 1]!.text === ',' && WEEKDAYS.get(toks[s - 2]!.lower) !== undefined) s -= 2;
      out.push(mk(toks, s, j, { kind: year ? 'full' : 'monthday', month, day: +toks[i + 1]!.text, ...(year ? { year } : {}) }));
      i = j - 1;
      continue;
    }
    // "3 December", "16 May 2025"
    if (RE_DAY_NUMBER.test(toks[i]!.text) && i + 1 < n && MONTHS.get(toks[i + 1]!.lower.replace(RE_FINAL_DOT, '')) && toks[i + 1]!.cap) {
      const m = MONTHS.get(toks[i + 1]!.lower.replace(RE_FINAL_DOT, ''))!;
      let j = i + 2;
      let year: number | undefined;
      if (j < n && RE_YEAR.test(toks[j]!.text)) {
        year = +toks[j]!.text;
        j++;
      }
      out.push(mk(toks, i, j, { kind: year ? 'full' : 'monthday', month: m, day: +toks[i]!.text, ...(year ? { year } : {}) }));
      i = j - 1;
      continue;
    }
    // "March 2022", "in August 2022": month precision only
    if (month && toks[i]!.cap && i + 1 < n && RE_YEAR.test(toks[i + 1]!.text)) {
      out.push(mk(toks, i, i + 2, { kind: 'vague', month, year: +toks[i + 1]!.text }));
      i++;
      continue;
    }
    // "on the 30th", "the 23rd of last month", "the 5th of May": the day of a month, as news in
    // Korean, Japanese and Chinese outlets (and many others) writes it
    if (w === 'the' && i + 2 < n && toks[i + 1]!.kind === 'num' && RE_DAY_NUMBER.test(toks[i + 1]!.text) && +toks[i + 1]!.text <= 31 && RE_ORDINAL_SUFFIX.test(toks[i + 2]!.lower) && (i + 3 >= n || toks[i + 3]!.kind === 'punct' || RE_AFTER_ORDINAL_DAY.test(toks[i + 3]!.lower))) {
      const day = +toks[i + 1]!.text;
      const s = i > 0 && toks[i - 1]!.lower === "on" ? i - 1 : i;
      let j = i + 3;
      const of = toks[j]?.lower === 'of';
      const month = of ? MONTHS.get(toks[j + 1]?.lower.replace(RE_FINAL_DOT, '') ?? '') : undefined;
      if (of && month && toks[j + 1]!.cap) {
        j += 2;
        let year: number | undefined;
        if (j < n && RE_YEAR.test(toks[j]!.text)) year = +toks[j++]!.text;
        out.push(mk(toks, s, j, { kind: year ? 'full' : 'monthday', month, day, ...(year ? { year } : {}) }, ordinalText(toks, s, j)));
      } else {
        let shift = 0;
        if (of && RE_LAST_THIS_NEXT.test(toks[j + 1]?.lower ?? '') && toks[j + 2]?.lower === 'month') {
          const rel = toks[j + 1]!.lower;
          shift = rel === 'last' || rel === 'past' ? -1 : rel === 'next' ? 1 : 0;
          j += 3;
        }
        out.push(mk(toks, s, j, { kind: 'ordinalday', day, shift }, ordinalText(toks, s, j)));
      }
      i = j - 1;
      continue;
    }
    const wd = WEEKDAYS.get(w);
    if (wd !== undefined && toks[i]!.cap) {
      let s = i;
      let shift = 0;
      const prev = i > 0 ? toks[i - 1]!.lower : '';
      if (prev === 'last' || prev === 'past') (shift = -1), (s = i - 1);
      else if (prev === 'next' || prev === 'coming') (shift = 1), (s = i - 1);
      else if (RE_LATE_EARLY_LATER.test(prev)) s = i - 1;
      if (s > 0 && toks[s - 1]!.lower === 'on') s--;
      if (s > 0 && s === i - 1 && RE_LATE_EARLY.test(toks[s - 1]!.lower)) s--; // "late on Monday"
      // "Friday, May 16, 2025": the full date that follows says it
      if (toks[i + 1]?.text === ',' && MONTHS.get(toks[i + 2]?.lower.replace(RE_FINAL_DOT, '') ?? '') && RE_DAY_NUMBER.test(toks[i + 3]?.text ?? '')) continue;
      let j = i + 1;
      if (j < n && RE_NIGHT_MORNING_EVENING.test(toks[j]!.lower)) j++;
      out.push(mk(toks, s, j, { kind: 'weekday', weekday: wd, shift }));
      i = j - 1;
      continue;
    }
    if (RE_TODAY_TONIGHT_YESTERDAY.test(w)) {
      out.push(mk(toks, i, i + 1, { kind: 'deictic', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 }));
      continue;
    }
    // "last week", "this week", "a week ago", "last weekend", "earlier in the month": kept as words only
    if (RE_LAST_THIS_NEXT.test(w) && i + 1 < n && RE_WEEK_WEEKEND_MONTH.test(toks[i + 1]!.lower)) {
      out.push(mk(toks, i, i + 2, { kind: 'vague' }));
      i++;
      continue;
    }
    if (w === 'ago' && i >= 2 && RE_WEEK_WEEKS_DAYS.test(toks[i - 1]!.lower)) {
      out.push(mk(toks, i - 2, i + 1, { kind: 'vague' }));
    }
  }
  return out;
}

/**
 * Resolves a date expression to YYYY-MM-DD, or null when the text does not
 * fix the day. `future` says which way a bare weekday points: talks that
 * "will be held on Saturday" are on the next Saturday, talks "held on
 * Saturday" on the last one (a weekday equal to the reference day is that day).
 */
export function resolveDate(e: DateExpr, ref: string | undefined, future: boolean): string | null {
  if (e.kind === 'full') return validIso(e.year!, e.month!, e.day!);
  if (!ref) return null;
  const r = parseIso(ref);
  if (e.kind === 'deictic') return iso(new Date(r.getTime() + e.offset! * DAY_MS));
  if (e.kind === 'monthday') {
    // the year that puts the day closest to the reference date
    const y = r.getUTCFullYear();
    let best: string | null = null;
    let bestGap = Infinity;
    for (const yy of [y - 1, y, y + 1]) {
      const s = validIso(yy, e.month!, e.day!);
      if (!s) continue;
      const gap = Math.abs(parseIso(s).getTime() - r.getTime());
      if (gap < bestGap) (best = s), (bestGap = gap);
    }
    return best;
  }
  if (e.kind === 'ordinalday') {
    // "the 30th" alone: the nearest such day on the side the tense points to
    const y = r.getUTCFullYear();
    const m = r.getUTCMonth() + 1;
    const rd = r.getUTCDate();
    let off = e.shift ?? 0;
    if (!e.shift) off = future ? (e.day! >= rd ? 0 : 1) : e.day! <= rd ? 0 : -1;
    const mm = ((m - 1 + off + 12) % 12) + 1;
    const yy = y + Math.floor((m - 1 + off) / 12);
    return validIso(yy, mm, e.day!);
  }
  if (e.kind === 'weekday') {
    const today = r.getUTCDay();
    let delta: number;
    if (e.shift === -1) delta = -(((today - e.weekday! + 7) % 7) || 7);
    else if (e.shift === 1) delta = ((e.weekday! - today + 7) % 7) || 7;
    else if (future) delta = (e.weekday! - today + 7) % 7;
    else delta = -((today - e.weekday! + 7) % 7);
    return iso(new Date(r.getTime() + delta * DAY_MS));
  }
  return null;
}

/** The dateline's date ("Moscow, Dec 4:") with the publication year, when it is near the publication date. */
export function datelineDate(text: string | undefined, published: string | undefined): string | undefined {
  if (!text || !published) return undefined;
  const m = RE_ZA_ZA.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.get((m[2] ?? m[3])!.toLowerCase());
  const day = +(m[1] ?? m[4])!;
  if (!month) return undefined;
  const e: DateExpr = { t0: 0, t1: 0, start: 0, end: 0, text, kind: 'monthday', month, day };
  const d = resolveDate(e, published, false);
  if (!d) return undefined;
  const gap = Math.abs(parseIso(d).getTime() - parseIso(published).getTime()) / DAY_MS;
  return gap <= 7 ? d : undefined;
}

function validIso(y: number, m: number, d: number): string | null {
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso(parseIso(s)) === s ? s : null;
}
