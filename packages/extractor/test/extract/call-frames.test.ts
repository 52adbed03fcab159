/**
 * Calls reported by a noun phrase: "In a phone conversation with X, Y ...",
 * "Y discussed ... during a telephone call with X". On real articles of data/dev.
 */
import { devArticle, extract, meetingsOf } from './helpers';

const calls = async (file: string) => meetingsOf(extract(await devArticle(file))).filter((m) => m.mode === 'call');

describe('calls as nouns', () => {
  it('"In a phone conversation with British Foreign Secretary David Lammy, US Secretary of State Rubio discussed ...": Lammy and Rubio (b105)', async () => {
    const c = await calls('b105.txt');
    expect(c.some((m) => m.who.includes('David Lammy') && m.who.some((w) => /Rubio/.test(w)))).toBe(true);
  });
  it('"Putin discussed the situation in Ukraine during a telephone call with Turkish President Recep Tayyip Erdogan on Monday": both, on 30 May 2022 (b804)', async () => {
    const c = await calls('b804.txt');
    const call = c.find((m) => m.who.includes('Recep Tayyip Erdogan'));
    expect(call?.who).toEqual(expect.arrayContaining(['Vladimir Putin', 'Recep Tayyip Erdogan']));
    expect(call?.date).toBe('2022-05-30');
  });
  it('a conversation that is no call is no meeting: only "phone/telephone conversation with" counts', async () => {
    const x = extract(await devArticle('b105.txt'));
    expect(x.meetings.every((m) => !/conversation/i.test(m.evidence[0]!.sentence) || /(phone|telephone|telephonic|video) conversation with/i.test(m.evidence.map((e) => e.sentence).join(' ')))).toBe(true);
  });
});
