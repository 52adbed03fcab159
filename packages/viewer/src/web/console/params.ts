/**
 * Query parameters in the console: which `$names` a query uses (so the
 * console can ask for them), and how a typed value is read — as JSON when
 * it is valid JSON (42, true, ["a","b"]), else as the text itself, the
 * same rule as `kg query --param`.
 */

/** The `$name` parameters a query uses, in order of first use; names inside strings and comments do not count. */
export function paramNames(cypher: string): string[] {
  const code = cypher
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const names: string[] = [];
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)/g)) {
    const name = m[1]!.replace(/`/g, '');
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function parseParamValue(raw: string): unknown {
  const text = raw.trim();
  if (text === '') return '';
  try {
    return JSON.parse(text);
  } catch {
    return raw;
  }
}

/** The way a value is shown in a parameter box: strings as they are, the rest as JSON. */
export function showParamValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
