import path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
/** The sample corpus: the three seed articles, with their dates in meta.json. */
export const SEEDS = path.join(REPO, 'data/seeds');
/** Real articles with gold annotations, shared by the project. */
export const DEV = path.join(REPO, '../shared/eval/dev');
