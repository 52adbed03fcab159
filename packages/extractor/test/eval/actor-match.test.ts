/**
 * How a predicted actor is recognised as a gold actor, on the real gold
 * files of data/dev and the names the articles use.
 */
import path from 'node:path';
import { IGNORED, matchActor, type NamedActor } from '../../src/eval/actor-match';
import { listGoldFiles, loadGoldFolder } from '../../src/eval/gold-files';
import { mergeGold, type GoldSet } from '../../src/eval/gold-set';
import { givenNamesConflict, normName } from '../../src/eval/names';
import { REPO, SEEDS } from '../helpers';

let dev: GoldSet;
let seeds: GoldSet;
beforeAll(async () => {
  const load = async (dir: string) => mergeGold((await loadGoldFolder(dir, await listGoldFiles(dir))).files);
  dev = await load(path.join(REPO, 'data/dev'));
  seeds = await load(SEEDS);
});

const person = (name: string, aliases: string[] = []): NamedActor => ({ name, aliases, kind: 'person' });

test('names compare without accents, case, curly quotes, possessives or punctuation', () => {
  expect(normName('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
  expect(normName('Zelenskyy’s')).toBe('zelenskyy');
  expect(normName('Kim Jong-un,')).toBe('kim jong-un');
  expect(matchActor(dev, person('ERDOĞAN'))).toBe('erdogan');
  expect(matchActor(dev, person('Recep Tayyip Erdogan'))).toBe('erdogan');
});

test('an alias from any gold file matches, wherever the article used it', () => {
  // "Zelenskyy" is an alias in some gold files, "Zelensky" in others: both are the one gold actor
  expect(matchActor(seeds, person('Zelenskyy'))).toBe('zelensky');
  expect(matchActor(seeds, person('Volodymyr Zelenskyy'))).toBe('zelensky');
});

test('a surname with a title or a fitting initial is the same person; another given name is not', () => {
  expect(matchActor(seeds, person('President Putin'))).toBe('putin');
  expect(matchActor(seeds, person('J. Kushner'))).toBe('kushner');
  expect(matchActor(seeds, person('Jared C. Kushner'))).toBe('kushner');
  expect(givenNamesConflict('Ivanka Trump', 'Donald Trump')).toBe(true);
  expect(matchActor(seeds, person('Ivanka Trump'))).toBeNull();
});

test('only persons are matched by surname: an organization must use a gold name', () => {
  expect(matchActor(seeds, { name: 'Putin Foundation', aliases: [], kind: 'organization' })).toBeNull();
  expect(matchActor(seeds, { name: 'EU', aliases: [], kind: 'organization' })).toBe('europe');
});

test('bylines and site chrome in a gold ignore list are IGNORED, by full name or surname', () => {
  expect(matchActor(seeds, person('Rajesh Pande'))).toBe(IGNORED);
  expect(matchActor(seeds, person('Mr Pande'))).toBe(IGNORED);
  expect(matchActor(seeds, person('Someone Unknown'))).toBeNull();
});
