import { findNodeAtLocation, parseTree, printParseErrorCode, type JSONPath, type Node, type ParseError } from 'jsonc-parser';

/**
 * JSON parsed with its source positions, so that a problem in a hand-written
 * file (a gold annotation) can be reported at the line where it is.
 */
export type JsonSource =
  | { ok: true; value: unknown; lineOf: (path: readonly PropertyKey[]) => number }
  | { ok: false; line: number; message: string };

const PHRASES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape in a string',
  InvalidCharacter: 'control character in a string',
};

export function parseJsonSource(text: string): JsonSource {
  const errors: ParseError[] = [];
  // Strict JSON, as every other reader of these files (JSON.parse) sees them: no comments, no trailing commas.
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const at = position(text, first?.offset ?? 0);
    return { ok: false, line: at.line, message: `${PHRASES[code] ?? code} (column ${at.column})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // jsonc-parser accepted what JSON.parse refuses: report JSON.parse's own words.
    return { ok: false, line: 1, message: (e as Error).message };
  }
  return { ok: true, value, lineOf: (p) => position(text, nearestNode(tree, p).offset).line };
}

/** The node at `path`, or the closest ancestor that exists (a missing field is reported at its object). */
function nearestNode(root: Node, path: readonly PropertyKey[]): Node {
  const segments: JSONPath = path.filter((s): s is string | number => typeof s !== 'symbol');
  for (let n = segments.length; n > 0; n--) {
    const found = findNodeAtLocation(root, segments.slice(0, n));
    // For a property, report the line of its name rather than of its value on the next line.
    if (found) return found.parent?.type === 'property' ? found.parent : found;
  }
  return root;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** `meetings[0].participants[2]`, as a reader of the file would point at it. */
export function fieldName(p: readonly PropertyKey[]): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('');
}
