/**
 * Names beside titles, as news from South Asia and East Asia writes them: an
 * honorific between the title and the name, a capitalized title in apposition,
 * abbreviated titles and kinship nouns. On real articles of data/dev.
 */
import { devArticle, extract } from './helpers';

const people = async (file: string) => {
  const x = extract(await devArticle(file));
  return new Map(x.actors.filter((a) => a.kind === 'person').map((a) => [a.name, a]));
};

describe('names beside titles', () => {
  it('"Afghan Deputy FM Dr Mohammad Naeem": the honorific is not part of the name, FM is a title (b101)', async () => {
    const p = await people('b101.txt');
    expect(p.has('Mohammad Naeem')).toBe(true);
    expect([...p.keys()].some((n) => n.startsWith('Dr '))).toBe(false);
    expect(p.get('Mohammad Naeem')!.roles.join(' ')).toMatch(/FM/);
  });
  it('"Ishrat Jahan, Director General (South Asia wing)": a capitalized title in apposition (b110)', async () => {
    const p = await people('b110.txt');
    expect(p.get('Ishrat Jahan')?.roles).toContain('Director General');
  });
  it('"Zhao Leji, Chair of the Standing Committee of the National People\'s Congress" (b111)', async () => {
    const p = await people('b111.txt');
    expect(p.has('Zhao Leji')).toBe(true);
  });
  it('"His spouse Radhika Shakya" is a person; the spouse is no name (b111)', async () => {
    const p = await people('b111.txt');
    expect(p.has('Radhika Shakya')).toBe(true);
  });
});

describe('names in a list of people', () => {
  it('"included Defense Minister A, head of the Servant of the People party David Arakhamia, ..., member of the parliament Rustem Umerov, and ...": every element a person (b805)', async () => {
    const p = await people('b805.txt');
    for (const n of ['Aekxei Reznikov', 'David Arakhamia', 'Nikolai Tochitsky', 'Rustem Umerov']) expect(p.has(n)).toBe(true);
  });
  it('a name before "\'s" in a title is no list element: "the National People\'s Congress" (b111)', async () => {
    const p = await people('b111.txt');
    expect([...p.keys()].filter((n) => n.startsWith('National'))).toEqual([]);
  });
  it('"Chief Adviser Prof Muhammad Yunus": the honorific between title and name (b110)', async () => {
    const p = await people('b110.txt');
    expect(p.get('Muhammad Yunus')?.roles.join(' ')).toMatch(/Chief Adviser/);
  });
});
