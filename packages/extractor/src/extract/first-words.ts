/**
 * The words a match of a word-list pattern can start with, derived from the pattern itself: a
 * sentence none of whose words is one of them holds no match, and the pattern need not be run.
 *
 * A match of `\b(…)` starts where a run of word characters ([a-z0-9_]) starts, and the first run of
 * the match is all of that run when the pattern's first word is followed by a non-word character
 * or by `\b`. So the set of first runs is exact, not a guess, for the patterns it accepts: literal
 * lower-case text, `(a|b)` groups, `?` and one-character classes (`[sz]`). Anything else before the
 * end of the first word (another quantifier, an escape, a word that may run on) makes it give up
 * (undefined), and the pattern is then always run.
 */

type Node = { alt: Item[][] } | { ch: string[] } | { boundary: true } | { other: true };
interface Item {
  node: Node;
  optional: boolean;
}

const WORD = /^[a-z0-9_]$/;
const MAX_WORDS = 5000;

export function firstWords(source: string): Set<string> | undefined {
  let pos = 0;
  const parseAlt = (): Item[][] => {
    const seqs: Item[][] = [[]];
    while (pos < source.length && source[pos] !== ')') {
      const c = source[pos]!;
      if (c === '|') {
        seqs.push([]);
        pos++;
        continue;
      }
      let node: Node;
      if (c === '(') {
        pos++;
        if (source.startsWith('?:', pos)) pos += 2;
        else if (source[pos] === '?') node = { other: true }; // lookarounds and named groups: not read
        const inner = parseAlt();
        if (source[pos] !== ')') throw new Error('unbalanced');
        pos++;
        node ??= { alt: inner };
      } else if (c === '[') {
        const end = source.indexOf(']', pos);
        const body = source.slice(pos + 1, end);
        pos = end + 1;
        node = /^[a-z0-9_]+$/.test(body) ? { ch: [...body] } : { other: true };
      } else if (c === '\\') {
        const e = source[pos + 1]!;
        pos += 2;
        node = e === 'b' ? { boundary: true } : /^[^a-zA-Z0-9]$/.test(e) ? { ch: [e] } : { other: true };
      } else if (c === '.' || c === '^' || c === '$') {
        pos++;
        node = { other: true };
      } else {
        pos++;
        node = { ch: [c] };
      }
      let optional = false;
      const q = source[pos];
      if (q === '?') {
        optional = true;
        pos++;
      } else if (q === '*' || q === '+' || q === '{') {
        // a repeated item is never expanded: it is treated as unknown
        node = { other: true };
        if (q === '{') pos = source.indexOf('}', pos) + 1;
        else pos++;
        if (source[pos] === '?') pos++;
      }
      seqs[seqs.length - 1]!.push({ node, optional });
    }
    return seqs;
  };
  let top: Item[][];
  try {
    top = parseAlt();
    if (pos !== source.length) return undefined;
  } catch {
    return undefined;
  }
  const out = new Set<string>();
  // expand the sequence `rest` (a stack of item lists) after `word`; false: give up
  const expand = (stack: Item[][], word: string, afterBoundary: boolean): boolean => {
    if (out.size > MAX_WORDS) return false;
    // the next item, or the end of the pattern
    let items: Item[] | undefined;
    let k = stack.length;
    while (k > 0) {
      items = stack[k - 1];
      if (items!.length) break;
      k--;
    }
    if (k === 0) {
      // the end: the run is the whole word only if a \b closes it
      if (!word || !afterBoundary) return false;
      out.add(word);
      return true;
    }
    const rest = stack.slice(0, k - 1).concat([items!.slice(1)]);
    const { node, optional } = items![0]!;
    if (optional && !expand(rest, word, afterBoundary)) return false;
    if ('boundary' in node) return expand(rest, word, true);
    if ('other' in node) return false;
    if ('alt' in node) {
      for (const seq of node.alt) if (!expand(rest.concat([seq]), word, afterBoundary)) return false;
      return true;
    }
    for (const c of node.ch) {
      if (WORD.test(c)) {
        // a first word not behind a \b could start inside a longer run
        if (!word && !afterBoundary) return false;
        if (!expand(rest, word + c, false)) return false;
      } else {
        // a non-word character ends the first run (a match cannot start with one)
        if (!word) return false;
        out.add(word);
      }
    }
    return true;
  };
  return expand([top.flat().length ? [{ node: { alt: top }, optional: false }] : []], '', false) ? out : undefined;
}

/** The runs of word characters of a lower-case token, as `\b` sees them. */
export function wordRuns(lower: string, into: (run: string) => void): void {
  let start = -1;
  for (let k = 0; k <= lower.length; k++) {
    const c = k < lower.length ? lower.charCodeAt(k) : 32;
    const w = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
    if (w) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      into(start === 0 && k === lower.length ? lower : lower.slice(start, k));
      start = -1;
    }
  }
}
