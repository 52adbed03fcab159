import type { Subgraph } from '../subgraph';
import { schemaDefaults } from '../subgraph';

/**
 * XML formats (GEXF, GraphML) hold scalars only, and XML 1.0 cannot carry
 * control characters at all. A property whose values are lists (aliases,
 * roles), maps, of mixed types, or hold such characters is written as JSON
 * text, for every element, and its name is listed in the file's metadata so
 * the reader decodes exactly those.
 */
export interface XmlEncoding {
  /** Node property names written as JSON. */
  nodeJson: Set<string>;
  /** Relationship property names written as JSON. */
  edgeJson: Set<string>;
}

// Illegal in XML 1.0, or (C1 controls, U+2028/U+2029) turned into line ends by XML parsers such as xmldom.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Kind = 'string' | 'integer' | 'double' | 'boolean' | 'json';

function kindOf(v: unknown): Kind {
  if (typeof v === 'string') return XML_ILLEGAL.test(v) ? 'json' : 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'integer' : Number.isFinite(v) ? 'double' : 'json';
  return 'json';
}

/** For each property name, the one scalar type all its values share, or 'json'. */
export function propertyKinds(values: Iterable<Record<string, unknown>>, skip: readonly string[]): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const attrs of values) {
    for (const [k, v] of Object.entries(attrs)) {
      if (skip.includes(k) || v === null || v === undefined) continue;
      const kind = kindOf(v);
      const cur = kinds.get(k);
      if (!cur) kinds.set(k, kind);
      else if (cur !== kind) kinds.set(k, cur === 'integer' && kind === 'double' ? 'double' : cur === 'double' && kind === 'integer' ? 'double' : 'json');
    }
  }
  return kinds;
}

export function xmlEncoding(g: Subgraph): XmlEncoding & { nodeKinds: Map<string, Kind>; edgeKinds: Map<string, Kind> } {
  const nodeKinds = propertyKinds(
    (function* () {
      for (const { attributes } of g.nodeEntries()) yield attributes;
    })(),
    ['label'],
  );
  const edgeKinds = propertyKinds(
    (function* () {
      for (const { attributes } of g.edgeEntries()) yield attributes;
    })(),
    ['type'],
  );
  const json = (m: Map<string, Kind>) => new Set([...m].filter(([, k]) => k === 'json').map(([name]) => name));
  return { nodeKinds, edgeKinds, nodeJson: json(nodeKinds), edgeJson: json(edgeKinds) };
}

/** The value as written: JSON text for the listed properties, the value itself otherwise. */
export function encodeValue(name: string, v: unknown, json: Set<string>): unknown {
  return json.has(name) ? jsonText(v) : v;
}

/** JSON with every character an XML parser could alter escaped, so the text is plain ASCII-safe XML content. */
export const jsonText = (v: unknown): string =>
  JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Reverses the encoding on attributes read back from a file. */
export function decodeAttributes(attrs: Record<string, unknown>, json: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = json.has(k) && typeof v === 'string' ? JSON.parse(v) : v;
  return out;
}

export const splitNames = (s: unknown): Set<string> => new Set(typeof s === 'string' && s ? (JSON.parse(s) as string[]) : []);

/** Node attributes read back from a file, in graph-schema form. */
export function nodeFromFile(label: string, props: Record<string, unknown>): Record<string, unknown> {
  return { label, ...schemaDefaults(label, props) };
}
