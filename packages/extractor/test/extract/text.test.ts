import { splitSentences } from '../../src/extract/sentences';
import { analyzeLayout } from '../../src/extract/layout';
import { tokenize } from '../../src/extract/tokens';
import { seed } from './helpers';

describe('sentences', () => {
  it('does not split after titles, initials and U.S. (a003, a019)', () => {
    const t = 'Mr. Erdogan said that once President Vladimir V. Putin of Russia was ready. U.S. Army Secretary Dan Driscoll has met with Russian officials.';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual([
      'Mr. Erdogan said that once President Vladimir V. Putin of Russia was ready.',
      'U.S. Army Secretary Dan Driscoll has met with Russian officials.',
    ]);
  });
  it('keeps offsets into the text', () => {
    const d = seed('001');
    for (const s of splitSentences(d.text)) expect(d.text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokens', () => {
  it('splits possessives and keeps hyphenated names (seed 001, a031)', () => {
    expect(tokenize('Trump’s special envoy').map((t) => t.text)).toEqual(['Trump', "'s", 'special', 'envoy']);
    expect(tokenize('leader Kim Jong-un in Hanoi').map((t) => t.text)).toEqual(['leader', 'Kim', 'Jong-un', 'in', 'Hanoi']);
  });
});

describe('layout', () => {
  it('cuts the "Hot this week" list of other headlines at the end of seed 001', () => {
    const d = seed('001');
    const l = analyzeLayout(d.text);
    expect(l.zoneOf(d.text.indexOf('Foreign Secy Misri meets'))).toBe('chrome');
    expect(l.zoneOf(d.text.indexOf('Putin said his five-hour talks'))).toBe('body');
  });
  it('finds bylines and signatures (seed 000, a042, a024)', () => {
    const d = seed('000');
    const l = analyzeLayout(d.text);
    expect(l.zoneOf(d.text.indexOf('Hindusthan Samachar / Jun Sarkar'))).not.toBe('body');
    const t = 'RSF leader Mohamed Hamdan Dagalo has since accepted the invitation.\n\n*Writing by Ikram Kouachi in Ankara\n';
    expect(analyzeLayout(t).zoneOf(t.indexOf('Ikram'))).toBe('byline');
    const b = '- Francesca Chambers and Maureen Groppe\n\nWOODSIDE, Calif. – President Joe Biden’s multihour summit with Chinese President Xi Jinping on Wednesday led to progress.';
    expect(analyzeLayout(b).zoneOf(2)).toBe('byline');
  });
  it('reads datelines (seed 000, a013, a024)', () => {
    expect(analyzeLayout('Moscow, 3 December (H.S.): Marathon talks at the Kremlin ended late Tuesday.').dateline).toMatchObject({ city: 'Moscow', dateText: '3 December' });
    expect(analyzeLayout('ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks in Istanbul, Turkey.').dateline).toMatchObject({ city: 'Istanbul', dateText: 'May 16' });
    expect(analyzeLayout('WOODSIDE, Calif. – President Joe Biden’s multihour summit with Chinese President Xi Jinping on Wednesday led to progress.').dateline?.city).toBe('Woodside');
    expect(analyzeLayout('According to Sky News, Erdogan said: “Achieving a ceasefire is to the benefit of everyone.”').dateline).toBeUndefined();
  });
});
