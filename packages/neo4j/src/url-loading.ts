/**
 * Finds what in a query would make the Neo4j server load data from a URL or
 * a file: LOAD CSV, which Neo4j allows in a read transaction, and the APOC
 * procedures and functions that fetch from URLs, files or other servers.
 * kg's read-only queries (kg query, kg export --query, the viewer's console)
 * refuse such queries: read-only includes the network, and the error
 * messages would echo what the server fetched.
 *
 * The text is read as Cypher's lexer reads it, so case, whitespace of any
 * kind, comments between the words and backquoted names change nothing.
 * String literals, comments and string parameters are searched too, as
 * Cypher of their own: APOC (apoc.cypher.run, apoc.periodic.iterate…) and
 * other plugins run strings as queries, and telling which strings will be
 * run is not reliable. So a query that merely mentions "load csv" in a
 * string is refused as well: the safe side, and rare in this graph.
 * Refusing the APOC families that run Cypher given as text also closes the
 * way round that, a query assembled from pieces ('LOAD' + ' CSV').
 */

/** Name prefixes (lower case, dotted) refused wherever they appear as a procedure or function name. */
export const REFUSED_PROCEDURES = [
  // load from URLs, files or other servers
  'apoc.load.',
  'apoc.import.',
  'apoc.export.',
  'apoc.bolt.',
  'apoc.es.',
  'apoc.mongo',
  'apoc.couchbase.',
  'apoc.redis.',
  'apoc.systemdb.',
  'apoc.log.',
  // run Cypher given as text, which could hold any of the above
  'apoc.cypher.',
  'apoc.periodic.',
  'apoc.when',
  'apoc.do.',
  'apoc.case',
  'apoc.custom.',
  'apoc.trigger.',
  'apoc.dv.',
] as const;

/** Plugins' procedures that take Cypher as text (GDS's Cypher projections and the like): any name in these namespaces with a `cypher` part. */
const RUNS_CYPHER_TEXT = /^(apoc|gds)\.(.*\.)?cypher(\.|$)/;

const MAX_DEPTH = 12;

interface Token {
  kind: 'word' | 'punct';
  text: string;
}

/**
 * What the query would load from, e.g. "LOAD CSV" or "apoc.load.json";
 * undefined when it loads nothing. Parameters are searched too (their
 * strings, in lists and maps as well).
 */
export function findUrlLoading(cypher: string, params: Record<string, unknown> = {}): string | undefined {
  return scan(cypher, 0) ?? scanValue(params, 0);
}

function scanValue(v: unknown, depth: number): string | undefined {
  if (typeof v === 'string') return scan(v, 0);
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const hit = scanValue(x, depth + 1);
      if (hit) return hit;
    }
  } else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const x of Object.values(v)) {
      const hit = scanValue(x, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

function scan(src: string, depth: number): string | undefined {
  // Nesting a string in a string takes escapes that double at each level; this deep is no query.
  if (depth > MAX_DEPTH) return 'text nested too deeply to check';
  const tokens: Token[] = [];
  const nested: string[] = [];
  lex(src, tokens, nested);
  const hit = inTokens(tokens);
  if (hit) return hit;
  for (const text of nested) {
    const inner = scan(text, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

function inTokens(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (t.text.toLowerCase() === 'load' && tokens[i + 1]?.kind === 'word' && tokens[i + 1]!.text.toLowerCase() === 'csv') return 'LOAD CSV';
    // A dotted name: word (. word)*, with whatever whitespace and comments Cypher allows around the dots.
    let name = t.text;
    let j = i;
    while (tokens[j + 1]?.text === '.' && tokens[j + 2]?.kind === 'word') {
      name += `.${tokens[j + 2]!.text}`;
      j += 2;
    }
    const lower = name.toLowerCase().replace(/\s+/g, '');
    if (REFUSED_PROCEDURES.some((p) => lower.startsWith(p) || `${lower}.` === p) || RUNS_CYPHER_TEXT.test(lower)) return name;
  }
  return undefined;
}

const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}$]/u;
const PUNCT = /[!-/:-@[-^{-~]/;
// Every line end Unicode knows, not only Cypher's \n and \r: a comment read as shorter is searched, not skipped.
const LINE_END = /[\n\r\u0085\u2028\u2029]/;

/** Cypher's tokens as far as the check needs them: words (backquoted ones unquoted), punctuation; string and comment bodies go to `nested`. */
function lex(src: string, tokens: Token[], nested: string[]): void {
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      let j = i + 2;
      while (j < n && !LINE_END.test(src[j]!)) j++;
      nested.push(src.slice(i + 2, j));
      i = j;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const j = end < 0 ? n : end;
      nested.push(src.slice(i + 2, j));
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      const [value, j] = readString(src, i + 1, c);
      nested.push(value);
      i = j;
    } else if (c === '`') {
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (src[j] === '`') {
          if (src[j + 1] === '`') {
            text += '`';
            j += 2;
            continue;
          }
          break;
        }
        text += src[j];
        j++;
      }
      // A backquoted name may hold dots (`apoc.load`.json): split it as the dotted name it spells.
      text.split('.').forEach((part, k) => {
        if (k > 0) tokens.push({ kind: 'punct', text: '.' });
        tokens.push({ kind: 'word', text: part });
      });
      i = j + 1;
    } else if (WORD.test(c)) {
      let j = i + 1;
      while (j < n && WORD.test(src[j]!)) j++;
      tokens.push({ kind: 'word', text: src.slice(i, j) });
      i = j;
    } else if (PUNCT.test(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      // Whitespace, and whatever else Cypher might take for it (zero-width and format characters):
      // reading it as a gap can only join words, never hide them.
      i++;
    }
  }
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A string literal's value (escapes resolved, as the server sees it) and the index after its closing quote. */
function readString(src: string, i: number, quote: string): [string, number] {
  let out = '';
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return [out, i + 1];
    if (c === '\\') {
      const e = src[i + 1] ?? '';
      if ((e === 'u' || e === 'U') && /^[0-9a-fA-F]{4}/.test(src.slice(i + 2, i + 6))) {
        const len = e === 'U' && /^[0-9a-fA-F]{8}/.test(src.slice(i + 2, i + 10)) ? 8 : 4;
        const code = Number.parseInt(src.slice(i + 2, i + 2 + len), 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
        i += 2 + len;
        continue;
      }
      out += ESCAPES[e] ?? e;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return [out, i];
}
