/**
 * When a meeting is: the days that news gives without a date of their own.
 * On real articles of data/dev.
 */
import { devArticle, extract, meetingsOf } from './helpers';

const meetingWith = async (file: string, who: RegExp) => {
  const x = extract(await devArticle(file));
  const m = meetingsOf(x).filter((m) => m.who.some((w) => who.test(w)));
  return { x, m };
};

describe('meeting dates', () => {
  it('"He met X on the margins of the trilateral meeting": the day of the meeting it was part of (b101, 20 Aug 2025)', async () => {
    const { m } = await meetingWith('b101.txt', /Muttaqi/);
    expect(m.length).toBeGreaterThanOrEqual(1);
    expect(m.every((x) => x.date === '2025-08-20')).toBe(true);
  });
  it('"On the 30th in Busan, President Lee met ... Ishiba": 30 Sep 2025, in an article of that day (b210)', async () => {
    const { m } = await meetingWith('b210.txt', /Ishiba/);
    expect(m.map((x) => x.date)).toContain('2025-09-30');
  });
  it('a meeting with time words of its own keeps them: "visited Japan last month and met Ishiba" is not the day of the article (b210)', async () => {
    const { m } = await meetingWith('b210.txt', /Lee Jae-myung/);
    const lastMonth = m.find((x) => x.dateText === 'last month');
    expect(lastMonth).toBeDefined();
    expect(lastMonth!.date).not.toBe('2025-09-30');
  });
});
