import { SCHEMA_STATEMENTS } from '@kg/graph-schema';
import type { Subgraph } from '../subgraph';

/**
 * CSV for `neo4j-admin database import full`: one nodes file per label
 * (`id:ID(Label)`, typed columns such as `aliases:string[]`, `:LABEL`), one
 * relationships file per type (per type and pair of labels when a type joins
 * several, like MENTIONED_IN, since a file has one ID space per end), and a
 * README.md with the command line. Strings are always quoted, so an empty
 * string ("") and a missing value (nothing) stay apart; fields may span
 * lines (--multiline-fields=true).
 */
export interface CsvExport {
  /** File name → content. */
  files: Record<string, string>;
  /** The neo4j-admin arguments after `neo4j-admin database import full`, file names relative to the folder. */
  args: string[];
  arrayDelimiter: string;
  warnings: string[];
}

type ColType = 'string' | 'long' | 'double' | 'boolean';

/** Array delimiters tried in turn: the first that no list element contains. */
const DELIMITERS = [';', '|', '¦', '\u2016'];

export function toCsv(g: Subgraph): CsvExport {
  const warnings: string[] = [];
  const listElements: string[] = [];
  g.forEachNode((_, a) => Object.values(a).forEach((v) => Array.isArray(v) && listElements.push(...v.map(String))));
  g.forEachEdge((_, a) => Object.values(a).forEach((v) => Array.isArray(v) && listElements.push(...v.map(String))));
  const arrayDelimiter = DELIMITERS.find((d) => !listElements.some((x) => x.includes(d)));
  if (!arrayDelimiter) throw new Error(`no array delimiter is free: list values contain all of ${DELIMITERS.join(' ')}`);

  const files: Record<string, string> = {};
  const args: string[] = [];
  const nodeLabels = [...new Set(g.mapNodes((_, a) => String(a.label)))].sort();
  for (const label of nodeLabels) {
    const keys = g.filterNodes((_, a) => a.label === label);
    const rows = keys.map((k) => g.getNodeAttributes(k));
    const cols = columns(rows, ['label', 'id'], warnings, `${label} nodes`);
    const header = [`id:ID(${label})`, ...cols.map(headerName), ':LABEL'];
    const lines = [header.map(quoteHeader).join(',')];
    for (const r of rows) lines.push([quote(String(r.id)), ...cols.map((c) => field(r[c.name], c, arrayDelimiter)), quote(label)].join(','));
    const file = `nodes_${safe(label)}.csv`;
    files[file] = `${lines.join('\n')}\n`;
    args.push(`--nodes=${file}`);
  }

  const groups = new Map<string, string[]>();
  g.forEachEdge((e, a, s, t) => {
    const k = `${a.type}|${g.getNodeAttribute(s, 'label')}|${g.getNodeAttribute(t, 'label')}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  });
  const typeCount = new Map<string, number>();
  for (const k of groups.keys()) typeCount.set(k.split('|')[0]!, (typeCount.get(k.split('|')[0]!) ?? 0) + 1);
  for (const [k, edges] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [type, from, to] = k.split('|') as [string, string, string];
    const rows = edges.map((e) => g.getEdgeAttributes(e));
    const cols = columns(rows, ['type'], warnings, `${type} relationships`);
    const header = [`:START_ID(${from})`, `:END_ID(${to})`, ...cols.map(headerName), ':TYPE'];
    const lines = [header.map(quoteHeader).join(',')];
    edges.forEach((e, i) => {
      const id = (n: string) => quote(String(g.getNodeAttribute(n, 'id')));
      lines.push([id(g.source(e)), id(g.target(e)), ...cols.map((c) => field(rows[i]![c.name], c, arrayDelimiter)), quote(type)].join(','));
    });
    const file = typeCount.get(type)! > 1 ? `rels_${safe(type)}_${safe(from)}_${safe(to)}.csv` : `rels_${safe(type)}.csv`;
    files[file] = `${lines.join('\n')}\n`;
    args.push(`--relationships=${file}`);
  }
  args.push(`--array-delimiter=${arrayDelimiter === ';' || arrayDelimiter === '|' ? arrayDelimiter : `U+${arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}`, '--multiline-fields=true', 'neo4j');
  files['schema.cypher'] = `${SCHEMA_STATEMENTS.map((s) => `${s};`).join('\n')}\n`;
  files['README.md'] = readme(g, args, Object.keys(files));
  return { files, args, arrayDelimiter, warnings };
}

interface Column {
  name: string;
  type: ColType;
  array: boolean;
  json: boolean;
}

function columns(rows: Record<string, unknown>[], skip: string[], warnings: string[], what: string): Column[] {
  const cols = new Map<string, { name: string; type?: ColType; array: boolean; json: boolean; mixed: boolean }>();
  for (const r of rows)
    for (const [name, v] of Object.entries(r)) {
      if (skip.includes(name) || v === null || v === undefined) continue;
      const array = Array.isArray(v);
      let cur = cols.get(name);
      if (!cur) cols.set(name, (cur = { name, array, json: false, mixed: false }));
      if (cur.array !== array || (typeof v === 'object' && !array)) cur.json = true;
      for (const x of array ? (v as unknown[]) : [v]) {
        const t = scalarType(x);
        if (!t) cur.json = true;
        else if (!cur.type || cur.type === t) cur.type = t;
        else if ((cur.type === 'long' && t === 'double') || (cur.type === 'double' && t === 'long')) cur.type = 'double';
        else cur.mixed = true;
      }
    }
  return [...cols.values()].map((c) => {
    if (c.json) warnings.push(`${what}: property ${c.name} has nested values or is a list only sometimes: written as JSON text`);
    else if (c.mixed) warnings.push(`${what}: property ${c.name} mixes types: written as text`);
    return c.json || c.mixed ? { name: c.name, type: 'string' as const, array: c.json ? false : c.array, json: c.json } : { name: c.name, type: c.type ?? 'string', array: c.array, json: false };
  });
}

function scalarType(v: unknown): ColType | undefined {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'string') return 'string';
  return undefined;
}

const headerName = (c: Column) => (c.type === 'string' && !c.array ? c.name : `${c.name}:${c.type}${c.array ? '[]' : ''}`);

function field(v: unknown, c: Column, delimiter: string): string {
  if (v === null || v === undefined) return '';
  if (c.json) return quote(JSON.stringify(v));
  if (c.array) return quote((v as unknown[]).map(String).join(delimiter));
  if (c.type === 'string') return quote(String(v));
  return String(v);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteHeader = (h: string) => (/[",\n\r]/.test(h) ? quote(h) : h);
const shellQuote = (s: string) => (/^[A-Za-z0-9_=.,:/+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

function readme(g: Subgraph, args: string[], files: string[]): string {
  return `# kg subgraph as CSV for neo4j-admin

${g.order} nodes and ${g.size} relationships, one file per node label and per
relationship type (per type and pair of labels when a type joins several
labels). Files: ${files.filter((f) => f.endsWith('.csv')).join(', ')}.

Import into an empty, stopped database (run from this folder; the database
named at the end must not exist yet or must be empty, add
--overwrite-destination=true to replace it):

    neo4j-admin database import full \\
      ${args.map(shellQuote).join(' \\\n      ')}

Then start Neo4j and create kg's constraints and indexes:

    cypher-shell -f schema.cypher

Conventions: strings are quoted ("" is an empty string, an empty field is no
value); list properties use the array delimiter above; fields may span lines;
ids are unique per label (ID spaces named after the labels).
`;
}
