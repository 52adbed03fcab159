import fs from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../../src/extract/sentences';
import { findDates, resolveDate, datelineDate } from '../../src/extract/dates';
import { tokenize } from '../../src/extract/tokens';

const first = (s: string) => findDates(tokenize(s))[0]!;

describe('dates', () => {
  it('"late Tuesday" in an article of Wed 3 Dec 2025 is 2 Dec (seed 000)', () => {
    const d = first('Marathon talks at the Kremlin between Russian President Vladimir Putin and US envoy Steve Witkoff ended late Tuesday');
    expect(d.text).toBe('late Tuesday');
    expect(resolveDate(d, '2025-12-03', false)).toBe('2025-12-02');
  });
  it('"later Thursday" on Thursday 4 Dec is that day (seed 001)', () => {
    const d = first('are set to meet with Ukraine’s lead negotiator, Rustem Umerov, later Thursday in Miami');
    expect(resolveDate(d, '2025-12-04', true)).toBe('2025-12-04');
  });
  it('"last Monday" and a planned "on Wednesday" from Friday 9 Aug 2024 (a042)', () => {
    expect(resolveDate(first('During a phone call with US Secretary of State Antony Blinken last Monday'), '2024-08-09', false)).toBe('2024-08-05');
    expect(resolveDate(first('talks with the RSF, which are scheduled to take place on Wednesday in Geneva'), '2024-08-09', true)).toBe('2024-08-14');
  });
  it('a relative date stays null without a publication date (a018)', () => {
    const d = first('US Army Secretary Dan Driscoll met a Russian delegation late on Monday');
    expect(d.text).toBe('late on Monday');
    expect(resolveDate(d, undefined, false)).toBeNull();
  });
  it('month and day take the year nearest the reference; a full date needs none (a014, a019)', () => {
    expect(resolveDate(first('confirmed on Friday, May 16, 2025, that the two sides had discussed'), undefined, false)).toBe('2025-05-16');
    expect(resolveDate(first('Driscoll arrived in Abu Dhabi on November 24'), undefined, false)).toBeNull();
    expect(resolveDate(first('The meeting at the Dolmabahce Palace started at 1:35 p.m. on May 16'), '2025-05-17', false)).toBe('2025-05-16');
  });
  it('the dateline date counts when close to publication', () => {
    expect(datelineDate('Dec 4', '2025-12-04')).toBe('2025-12-04');
    expect(datelineDate('3 December', '2025-12-03')).toBe('2025-12-03');
  });
  it('resolves as the toISOString arithmetic did, across years, month ends and leap days', () => {
    // the reference: the resolution as written before days were formatted digit by digit
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const at = (s: string) => new Date(`${s}T00:00:00Z`);
    const DAY = 86400000;
    for (let t = Date.UTC(1999, 11, 25); t < Date.UTC(2001, 2, 5); t += DAY) {
      const ref = iso(new Date(t));
      for (const offset of [-1, 0, 1])
        expect(resolveDate({ t0: 0, t1: 1, start: 0, end: 1, text: 'x', kind: 'deictic', offset }, ref, false)).toBe(iso(new Date(t + offset * DAY)));
      for (let weekday = 0; weekday < 7; weekday++) {
        const today = at(ref).getUTCDay();
        expect(resolveDate({ t0: 0, t1: 1, start: 0, end: 1, text: 'x', kind: 'weekday', weekday, shift: 0 }, ref, false)).toBe(iso(new Date(t - ((today - weekday + 7) % 7) * DAY)));
      }
      const d = new Date(t);
      for (const day of [d.getUTCDate(), 29, 30, 31]) {
        const month = d.getUTCMonth() + 1;
        const valid = (y: number) => {
          const s = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          return iso(at(s)) === s ? s : null;
        };
        expect(resolveDate({ t0: 0, t1: 1, start: 0, end: 1, text: 'x', kind: 'full', year: d.getUTCFullYear(), month, day }, ref, false)).toBe(valid(d.getUTCFullYear()));
      }
    }
  });
});

describe('the day of the month as an ordinal ("on the 30th")', () => {
  // sentences of real articles in data/dev, found by the words they contain
  const DEV = path.join(__dirname, '../../../../data/dev');
  const sentenceWith = (file: string, words: string) => {
    const found = splitSentences(fs.readFileSync(path.join(DEV, file), 'utf8')).find((x) => x.text.includes(words));
    if (!found) throw new Error(`no sentence with "${words}" in data/dev/${file}`);
    return found.text;
  };
  const texts = (s: string) => findDates(tokenize(s)).map((d) => d.text);
  it('"On the 30th in Busan" in an article of 30 Sep 2025 is that day (b210)', () => {
    const d = first(sentenceWith('b210.txt', 'On the 30th in Busan'));
    expect(d.text).toBe('On the 30th');
    expect(resolveDate(d, '2025-09-30', false)).toBe('2025-09-30');
  });
  it('"on the 23rd of last month" is in the month before the article (b210)', () => {
    const d = first(sentenceWith('b210.txt', 'summit dinner on the 23rd of last month'));
    expect(d.text).toBe('on the 23rd of last month');
    expect(resolveDate(d, '2025-09-30', false)).toBe('2025-08-23');
  });
  it('a numbered round or meeting is no day: "the 23rd round", "the 6th Trilateral Meeting" (b102)', () => {
    const file = fs.readdirSync(DEV).find((f) => f.endsWith('.txt') && fs.readFileSync(path.join(DEV, f), 'utf8').includes('held the 23rd round'))!;
    expect(texts(sentenceWith(file, 'held the 23rd round'))).not.toContain('the 23rd');
    expect(texts(sentenceWith('b102.txt', 'the 6th Trilateral Meeting'))).not.toContain('the 6th');
  });
});
