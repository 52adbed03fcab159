/**
 * One person across articles that spell the name differently: romanized
 * syllables hyphenated or apart, and (kept apart) a given name one letter off.
 * On real articles of data/dev.
 */
import { addBatch, createGraph } from '@kg/graph-schema';
import { Resolver } from '../../src/resolve';
import { devArticle, extract } from '../extract/helpers';

async function personsOf(files: string[]) {
  const r = new Resolver();
  const g = createGraph();
  for (const f of files) addBatch(g, r.resolve(extract(await devArticle(f))));
  return g.filterNodes((_, a) => a.label === 'Actor' && a.kind === 'person').map((k) => g.getNodeAttributes(k) as { name: string; aliases: string[] });
}

describe('name variants across articles', () => {
  it('"Moon Jae In" (b202, KCNA style) and "Moon Jae-in" (b203) are one person', async () => {
    const moons = (await personsOf(['b202.txt', 'b203.txt'])).filter((p) => /^moon jae/i.test(p.name));
    expect(moons).toHaveLength(1);
    expect(moons[0]!.aliases).toEqual(expect.arrayContaining(['Moon Jae In', 'Moon Jae-in']));
  });
  it('"Antony Blinken" (a042) and "Anthony Blinken" (b107) stay two actors: a given name one letter apart can be another person; an analyst merges them (kg curate merge)', async () => {
    const blinkens = (await personsOf(['a042.txt', 'b107.txt'])).filter((p) => /blinken/i.test(p.name));
    expect(blinkens).toHaveLength(2);
  });
});
