/**
 * People placed at a meeting by a sentence of their own (presence.ts): each
 * cue on the real sentence it was written on, and the article's meeting they join.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRESENCE_CUES } from '../../src/extract/presence';
import { devArticle, extract, meetingsOf, ROOT } from './helpers';

const devText = fs.readdirSync(path.join(ROOT, 'data/dev')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(ROOT, 'data/dev', f), 'utf8')).join('\n');

describe('presence cues', () => {
  it.each(PRESENCE_CUES.map((c) => [c.name, c] as const))('%s: its example is a real sentence of data/dev and matches', (_, cue) => {
    expect(devText.includes(cue.example)).toBe(true);
    expect(cue.pattern.test(cue.example)).toBe(true);
  });
  it('"Present at the talks from the north side were Kim Yong Chol ... and Kim Yo Jong": both at the Kim–Moon talks (b202)', async () => {
    const x = extract(await devArticle('b202.txt'));
    const talks = meetingsOf(x).find((m) => m.who.some((w) => /^Moon Jae/.test(w)));
    expect(talks?.who).toEqual(expect.arrayContaining(['Kim Yo Jong']));
  });
  it('"will lead the Indian delegation at the 2+2 talks" does not join the Modi–Biden virtual meeting (b107)', async () => {
    const x = extract(await devArticle('b107.txt'));
    const virtual = meetingsOf(x).find((m) => m.who.includes('Joe Biden'));
    expect(virtual?.who).not.toContain('Rajnath Singh');
  });
});
