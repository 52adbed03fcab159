import { memo } from '../extract/memo';

/** Name form used for matching: case, accents, punctuation and possessives do not count. */
export const normName = memo((s: string): string => normNameOnce(s));
function normNameOnce(s: string): string {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function surnameOf(name: string): string {
  return normName(name).split(' ').at(-1) ?? '';
}

/**
 * Key under which spelling variants of a surname meet (Zelensky / Zelenskyy /
 * Zelenskiy, Erdogan / Erdoğan, al-Burhan / Burhan): the same key extraction
 * uses for surname coreference, so both stages agree on who is whom.
 */
import { surnameKey as variantKey } from '../extract/actors';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_SPACES = /\s+/;
const RE_A_Z = /^[a-z]\.?$/;
const RE_MR_MRS_MS = /^(mr|mrs|ms|dr)$/;
export { variantKey };

/** Name words without initials: "Vladimir V. Putin" → ["vladimir", "putin"]. */
export const nameWords = memo((name: string): readonly string[] => nameWordsOnce(name));
function nameWordsOnce(name: string): string[] {
  return normName(name)
    .split(RE_SPACES)
    .filter((w) => w && !RE_A_Z.test(w) && !RE_MR_MRS_MS.test(w));
}

/** Given names agree when one side has none, when they match up to spelling, or one is the other's initial. */
export function givenNamesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) =>
    b.some((y) => {
      const gx = variantKey(x);
      const gy = variantKey(y);
      return gx === gy || ((gx.length === 1 || gy.length === 1) && gx[0] === gy[0]) || (gx.length > 3 && gy.length > 3 && gx.slice(0, 4) === gy.slice(0, 4));
    }),
  );
}

