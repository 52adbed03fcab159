import { connect, displayUri, queryDefaults, QueryError, resolveNeo4j, runReadQuery, type QueryValue } from '@kg/neo4j';
import { EXAMPLE_QUERIES, exampleParams, findExample } from '@kg/export/examples';
import { toSpreadsheetCsv } from '@kg/export/table-csv';
import { intOption, parse, UsageError } from '../args';

export const QUERY_USAGE = `kg query "MATCH …" [--param NAME=VALUE]… [--format table|json|csv] [--limit N] [--timeout MS]
kg query --example NAME [--param NAME=VALUE]…   |   kg query --list-examples
  Runs one Cypher query read-only (the database refuses writes) and prints
  the rows. Uses NEO4J_URI when set, otherwise the local Neo4j under .kg/.
  --param NAME=VALUE  query parameter $NAME; VALUE is read as JSON when it is
                      valid JSON (42, true, ["a","b"]), else as a string
  --format F          table (default), json or csv (for spreadsheets: a cell
                      starting with = + - @ or a tab is prefixed with ')
  --limit N           rows at most (default KG_QUERY_ROW_LIMIT or 10000; 0: no limit)
  --timeout MS        stop the query after MS milliseconds (default KG_QUERY_TIMEOUT_MS or 30000)
  --example NAME      run a saved example (parameters default to its example values)
  --list-examples     list the saved examples and their parameters`;

export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    param: { type: 'string', short: 'p', multiple: true },
    format: { type: 'string', short: 'f' },
    limit: { type: 'string' },
    timeout: { type: 'string' },
    example: { type: 'string', short: 'e' },
    'list-examples': { type: 'boolean' },
  });
  if (values['list-examples']) {
    process.stdout.write(listExamples());
    return 0;
  }
  const format = values.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format takes table, json or csv, not "${format}"`);
  let cypher: string;
  let params: Record<string, unknown> = {};
  if (values.example) {
    if (positionals.length) throw new UsageError('give either a query or --example NAME, not both');
    const ex = findExample(values.example);
    if (!ex) throw new UsageError(`no example named "${values.example}"; kg query --list-examples shows them`);
    cypher = ex.cypher;
    params = exampleParams(ex);
  } else {
    if (positionals.length !== 1) throw new UsageError('kg query needs one Cypher query (in quotes), or --example NAME');
    cypher = positionals[0]!;
  }
  Object.assign(params, parseParams(values.param ?? []));
  const defaults = queryDefaults();
  const limit = intOption(values.limit, 'limit', defaults.limit);
  const timeoutMs = intOption(values.timeout, 'timeout', defaults.timeoutMs);

  const { config, local } = await resolveNeo4j({ log: (m) => process.stderr.write(`${m}\n`) });
  const conn = await connect(config);
  try {
    const res = await runReadQuery(conn, cypher, params, { limit, timeoutMs });
    const text = format === 'json' ? `${JSON.stringify(res.rows, null, 2)}\n` : format === 'csv' ? toSpreadsheetCsv(res.columns, res.rows) : toTable(res.columns, res.rows);
    process.stdout.write(text);
    process.stderr.write(
      `${res.rows.length} row${res.rows.length === 1 ? '' : 's'} in ${(res.elapsedMs / 1000).toFixed(2)} s${
        res.truncated ? ` (truncated at the limit of ${limit}; --limit N for more)` : ''
      } from ${displayUri(conn.uri)}${local ? ' (local)' : ''}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof QueryError) {
      process.stderr.write(`kg query: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await conn.close();
  }
}

/** `name=value` pairs; the value as JSON when it parses, else the string itself. */
export function parseParams(pairs: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i < 1) throw new UsageError(`--param takes NAME=VALUE, not "${p}"`);
    const raw = p.slice(i + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: the string as typed
    }
    out[p.slice(0, i).replace(/^\$/, '')] = value;
  }
  return out;
}

function listExamples(): string {
  return `${EXAMPLE_QUERIES.map(
    (q) =>
      `${q.name}: ${q.title}\n  ${q.description}${Object.entries(q.params)
        .map(([k, p]) => `\n  --param ${k}=…  ${p.description} (e.g. ${p.example})`)
        .join('')}`,
  ).join('\n\n')}\n`;
}

/** A value as one line of readable text: nodes as (:Label {name: "…"}), relationships as [:TYPE], paths as chains. */
export function formatValue(v: QueryValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : formatValue(x))).join(', ')}]`;
  if (v.kind === 'node' && 'labels' in v) {
    const p = v.properties as Record<string, QueryValue>;
    const show = ['name', 'title', 'date', 'stance', 'id'].find((k) => p[k] !== undefined && p[k] !== null);
    return `(${(v.labels as string[]).map((l) => `:${l}`).join('')}${show ? ` {${show}: ${JSON.stringify(p[show])}}` : ''})`;
  }
  if (v.kind === 'relationship' && 'type' in v) {
    const p = v.properties as Record<string, QueryValue>;
    return `[:${v.type as string}${p.role ? ` {role: ${JSON.stringify(p.role)}}` : ''}]`;
  }
  if (v.kind === 'path' && 'relationships' in v) {
    const nodes = v.nodes as unknown as { elementId: string }[];
    const rels = v.relationships as unknown as { start: string; end: string }[];
    let s = formatValue(nodes[0] as unknown as QueryValue);
    rels.forEach((r, i) => {
      const forward = r.start === nodes[i]!.elementId;
      s += `${forward ? '-' : '<-'}${formatValue(r as unknown as QueryValue)}${forward ? '->' : '-'}${formatValue(nodes[i + 1] as unknown as QueryValue)}`;
    });
    return s;
  }
  if (v.kind === 'point' && 'srid' in v) return `point(${v.x}, ${v.y}${v.z !== undefined ? `, ${v.z}` : ''})`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}: ${typeof x === 'string' ? JSON.stringify(x) : formatValue(x as QueryValue)}`)
    .join(', ')}}`;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

export function toTable(columns: string[], rows: Record<string, QueryValue>[], maxWidth = 60): string {
  if (!columns.length) return '(no columns)\n';
  const cell = (v: QueryValue) => {
    const s = oneLine(formatValue(v));
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  };
  const cells = rows.map((r) => columns.map((c) => cell(r[c] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (xs: string[]) => xs.map((x, i) => (i === xs.length - 1 ? x : x.padEnd(widths[i]!))).join(' │ ').trimEnd();
  return `${[line(columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n')}\n`;
}
