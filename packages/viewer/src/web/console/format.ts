import type { QueryNodeValue, QueryPathValue, QueryRelationshipValue, QueryValue } from '../../shared/query-types';

const isKind = <K extends string>(v: QueryValue, kind: K): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === kind;

function nodeText(n: QueryNodeValue): string {
  const p = n.properties;
  const show = ['name', 'title', 'date', 'stance', 'statement', 'id'].find((k) => p[k] !== undefined && p[k] !== null);
  const value = show ? String(p[show]) : '';
  return `(${n.labels.map((l) => `:${l}`).join('')}${show ? ` ${value.length > 60 ? `${value.slice(0, 59)}…` : value}` : ''})`;
}

const relText = (r: QueryRelationshipValue) => `[:${r.type}${r.properties.role ? ` ${String(r.properties.role)}` : ''}]`;

function pathText(p: QueryPathValue): string {
  let s = p.nodes[0] ? nodeText(p.nodes[0]) : '';
  p.relationships.forEach((r, i) => {
    const forward = r.start === p.nodes[i]?.elementId;
    const next = p.nodes[i + 1];
    s += `${forward ? '-' : '<-'}${relText(r)}${forward ? '->' : '-'}${next ? nodeText(next) : '()'}`;
  });
  return s;
}

/** A result value as one piece of plain text for a table cell (it goes in as textContent, never as HTML). */
export function formatValue(v: QueryValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : formatValue(x))).join(', ')}]`;
  if (isKind(v, 'node')) return nodeText(v as QueryNodeValue);
  if (isKind(v, 'relationship')) return relText(v as QueryRelationshipValue);
  if (isKind(v, 'path')) return pathText(v as QueryPathValue);
  if (isKind(v, 'point')) {
    const p = v as { x: number; y: number; z?: number };
    return `point(${p.x}, ${p.y}${p.z !== undefined ? `, ${p.z}` : ''})`;
  }
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}: ${typeof x === 'string' ? JSON.stringify(x) : formatValue(x as QueryValue)}`)
    .join(', ')}}`;
}

/** A cell's class: numbers right-aligned, nulls faint, graph values marked. */
export function valueClass(v: QueryValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'num';
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { kind?: unknown }).kind === 'string') return 'graph';
  return '';
}
