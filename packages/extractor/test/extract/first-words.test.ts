import fs from 'node:fs';
import path from 'node:path';
import { firstWords, wordRuns } from '../../src/extract/first-words';
import { CUES } from '../../src/extract/positions';
import { ROOT } from './helpers';

/** Every sentence of the real articles (seeds and dev), lower-cased as the cue scan sees them. */
function realSentences(): string[] {
  // both folders are in the repository: a missing one is an error, never a smaller sample
  const dirs = [path.join(ROOT, 'data/seeds'), path.join(ROOT, 'data/dev')];
  return dirs
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')))
    .flatMap((text) => text.toLowerCase().split(/(?<=[.!?])\s+|\n+/));
}

describe('first words of a cue pattern (the stance-cue pre-filter)', () => {
  test('reads the words a word-list pattern can start with', () => {
    expect(firstWords(String.raw`\b(in exchange for|only if)\b`)).toEqual(new Set(['in', 'only']));
    expect(firstWords(String.raw`\b(willing|prepared) to (discuss|accept)\b`)).toEqual(new Set(['willing', 'prepared']));
    expect(firstWords(String.raw`\b(oppos(e|es|ed)|reject)\b`)).toEqual(new Set(['oppose', 'opposes', 'opposed', 'reject']));
    expect(firstWords(String.raw`\bbacks?\b`)).toEqual(new Set(['back', 'backs']));
  });

  test('gives up (the cue is always run) on what it cannot expand exactly', () => {
    expect(firstWords(String.raw`\b\w+ing\b`)).toBeUndefined();
    expect(firstWords(String.raw`\b(support)`)).toBeUndefined(); // may run on: "supporters"
    expect(firstWords(String.raw`(?<=not )back\b`)).toBeUndefined();
  });

  test('on real sentences, every match of every stance cue starts with one of its first words', () => {
    const sentences = realSentences();
    expect(sentences.length).toBeGreaterThan(300);
    let matches = 0;
    for (const cue of CUES) {
      const words = firstWords(cue.re.source);
      if (!words) continue;
      const re = new RegExp(cue.re.source, 'g');
      for (const s of sentences)
        for (const m of s.matchAll(re)) {
          matches++;
          let first: string | undefined;
          wordRuns(m[0], (run) => (first ??= run));
          expect({ cue: cue.re.source, first, words: words.has(first!) }).toEqual({ cue: cue.re.source, first, words: true });
        }
    }
    expect(matches).toBeGreaterThan(50);
  });
});
