import { NODE_LABELS, REL_DISCRIMINATOR, SCHEMA_STATEMENTS, type RelType } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import type { Subgraph } from '../subgraph';

/**
 * A Cypher script that recreates the subgraph in another Neo4j 5: kg's
 * constraints and indexes first, then nodes and relationships with MERGE,
 * in UNWIND batches of literal maps. No parameters and no string pasting:
 * every value goes through cypherLiteral, so text from articles (quotes,
 * backslashes, newlines, `'}) DETACH DELETE n //`) can only ever be a
 * property value. One statement per line, each ending with `;`; runs with
 * `cypher-shell -f FILE` or runCypherScript. Running it twice changes nothing.
 */
export function toCypherScript(g: Subgraph, opts: { batch?: number } = {}): string {
  const batch = opts.batch ?? 200;
  const lines = [
    `// kg subgraph: ${g.order} nodes, ${g.size} relationships.`,
    '// Recreate it in a Neo4j 5 database with: cypher-shell -f THIS_FILE',
    '// 1. constraints and indexes',
    ...SCHEMA_STATEMENTS.map((s) => `${s};`),
    'CALL db.awaitIndexes(300);',
    '// 2. nodes',
  ];
  const labels = [...new Set(g.mapNodes((_, a) => String(a.label)))];
  for (const label of labels) {
    const rows = g.filterNodes((_, a) => a.label === label).map((k) => stripLabel(g.getNodeAttributes(k)));
    if (!(NODE_LABELS as readonly string[]).includes(label)) lines.push(`CREATE CONSTRAINT IF NOT EXISTS FOR (n:${ident(label)}) REQUIRE n.id IS UNIQUE;`);
    for (const chunk of chunks(rows, batch)) lines.push(`UNWIND ${cypherLiteral(chunk)} AS row MERGE (n:${ident(label)} {id: row.id}) SET n += row;`);
  }
  lines.push('// 3. relationships');
  const groups = new Map<string, { from: unknown; to: unknown; props: Record<string, unknown>; parallel: boolean }[]>();
  g.forEachEdge((key, a, s, t) => {
    const { type, ...props } = a;
    const k = JSON.stringify([type, g.getNodeAttribute(s, 'label'), g.getNodeAttribute(t, 'label')]);
    const list = groups.get(k) ?? [];
    list.push({ from: g.getNodeAttribute(s, 'id'), to: g.getNodeAttribute(t, 'id'), props: dropNulls(props), parallel: /~\d+$/.test(key) });
    groups.set(k, list);
  });
  for (const [k, rows] of groups) {
    const [type, from, to] = JSON.parse(k) as [string, string, string];
    const disc = REL_DISCRIMINATOR[type as RelType];
    const head = `MATCH (a:${ident(from)} {id: row.from}) MATCH (b:${ident(to)} {id: row.to})`;
    const merge = `MERGE (a)-[r:${ident(type)}${disc ? ` {${ident(disc)}: row.props.${ident(disc)}}` : ''}]->(b) SET r += row.props`;
    for (const chunk of chunks(
      rows.filter((r) => !r.parallel),
      batch,
    ))
      lines.push(`UNWIND ${cypherLiteral(chunk.map(({ from, to, props }) => ({ from, to, props })))} AS row ${head} ${merge};`);
    // Parallel relationships of a type without a discriminator: MERGE would fold them into one.
    for (const chunk of chunks(
      rows.filter((r) => r.parallel),
      batch,
    ))
      lines.push(`UNWIND ${cypherLiteral(chunk.map(({ from, to, props }) => ({ from, to, props })))} AS row ${head} CREATE (a)-[r:${ident(type)}]->(b) SET r += row.props;`);
  }
  return `${lines.join('\n')}\n`;
}

const stripLabel = ({ label: _l, ...props }: Record<string, unknown>) => dropNulls(props);
const dropNulls = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** A label, type or property key as a Cypher identifier: plain when it is one, else in backticks (backticks doubled). */
export function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A value as a Cypher literal. Strings are single-quoted with every special character escaped. */
export function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${v} has no Cypher literal`);
    if (Number.isSafeInteger(v)) return String(v);
    const s = String(v);
    return /e/i.test(s) ? v.toExponential().replace('e+', 'e') : s;
  }
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${ident(k)}: ${cypherLiteral(x)}`)
      .join(', ')}}`;
  throw new Error(`no Cypher literal for a ${typeof v}`);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function cypherString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `'${s.replace(/[\\'\n\r\t\b\f]|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/**
 * Splits a script into statements at `;` outside string literals, quoted
 * identifiers and comments (what cypher-shell does), dropping comments.
 */
export function splitCypherStatements(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === '/' && next === '/') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? script.length : end + 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < script.length) {
        if (script[j] === '\\' && c !== '`') j += 2;
        else if (script[j] === c) {
          if (c === '`' && script[j + 1] === '`') j += 2;
          else break;
        } else j++;
      }
      cur += script.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += c;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Runs a script's statements one by one, each in its own transaction (schema commands cannot share one with writes). This WRITES. */
export async function runCypherScript(conn: Connection, script: string): Promise<number> {
  const session = conn.driver.session({ database: conn.database });
  let n = 0;
  try {
    for (const statement of splitCypherStatements(script)) {
      await session.run(statement);
      n++;
    }
  } finally {
    await session.close();
  }
  return n;
}
