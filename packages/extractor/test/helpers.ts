import path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
/** The sample corpus: the three seed articles, with their dates in meta.json. */
export const SEEDS = path.join(REPO, 'data/seeds');
/** The 52 dev articles with their gold annotations, copied into the repository (data/dev/README.md names the sources). */
export const DEV = path.join(REPO, 'data/dev');
