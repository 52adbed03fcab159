import fs from 'node:fs';
import path from 'node:path';

/**
 * The gazetteers of data/knowledge, loaded once, synchronously, when this
 * module is first imported (so `extract` stays a pure function and works in
 * worker threads: each worker loads its own copy).
 */

export type EntityKind = 'country' | 'organization' | 'group';

export interface Country {
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  seats: string[];
}

/** What a surface form means. One form may mean several things ("Georgia"); the first wins. */
export type Entry =
  | { type: 'country'; country: string; via: 'name' | 'alias' }
  | { type: 'demonym'; country: string }
  | { type: 'capital'; country: string; city: string }
  | { type: 'seat'; country: string; city: string }
  | { type: 'city'; country: string; city: string }
  | { type: 'org'; name: string; kind: EntityKind }
  | { type: 'media'; name: string }
  | { type: 'region'; region: string };

export interface Knowledge {
  countries: Map<string, Country>;
  /** surface form (exact case) → meanings */
  forms: Map<string, Entry>;
  /** longest surface form in tokens, for longest-match lookups */
  maxFormTokens: number;
  roleHeads: Set<string>;
  roleModifiers: Set<string>;
  delegationNouns: Set<string>;
  groupNouns: Set<string>;
  cityCountry: Map<string, string>;
}

function findKnowledgeDir(): string {
  const env = process.env.KG_KNOWLEDGE_DIR;
  if (env && fs.existsSync(env)) return env;
  // Walk up from this file (src/extract) and from the working directory to the repo's data/knowledge.
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const cand = path.join(dir, 'data', 'knowledge');
      if (fs.existsSync(path.join(cand, 'countries.tsv'))) return cand;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('data/knowledge not found (set KG_KNOWLEDGE_DIR)');
}

const lines = (file: string): string[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.startsWith('#'));

const list = (s: string | undefined): string[] => (s ?? '').split(';').map((x) => x.trim()).filter(Boolean);

/** Sections of a `[name]`-headed list file. */
function sections(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur = '';
  for (const l of lines(file)) {
    const m = /^\[(\w+)\]$/.exec(l.trim());
    if (m) {
      cur = m[1]!;
      out.set(cur, []);
    } else out.get(cur)?.push(l.trim());
  }
  return out;
}

export function loadKnowledge(dir = findKnowledgeDir()): Knowledge {
  const countries = new Map<string, Country>();
  const forms = new Map<string, Entry>();
  const cityCountry = new Map<string, string>();
  const add = (form: string, e: Entry) => {
    if (!forms.has(form)) forms.set(form, e);
  };
  for (const l of lines(path.join(dir, 'countries.tsv'))) {
    const [name, aliases, demonyms, capitals, seats] = l.split('\t');
    if (!name) continue;
    const c: Country = { name, aliases: list(aliases), demonyms: list(demonyms), capitals: list(capitals), seats: list(seats) };
    countries.set(name, c);
  }
  // Names first, then demonyms, capitals and seats, so that a form that is both a country
  // name and something else (Singapore, Djibouti) means the country.
  for (const c of countries.values()) add(c.name, { type: 'country', country: c.name, via: 'name' });
  for (const c of countries.values()) for (const a of c.aliases) add(a, { type: 'country', country: c.name, via: 'alias' });
  for (const c of countries.values()) for (const d of c.demonyms) add(d, { type: 'demonym', country: c.name });
  for (const c of countries.values())
    c.capitals.forEach((cap, i) => {
      const city = c.capitals[0] && i > 0 && /,|DC$/.test(cap) ? c.capitals[0] : cap;
      add(cap, { type: 'capital', country: c.name, city });
      cityCountry.set(city, c.name);
    });
  for (const c of countries.values()) for (const s of c.seats) add(s, { type: 'seat', country: c.name, city: c.capitals[0] ?? c.name });
  for (const l of lines(path.join(dir, 'organizations.tsv'))) {
    const [name, aliases, kind] = l.split('\t');
    if (!name) continue;
    const k = (kind?.trim() === 'group' ? 'group' : 'organization') as EntityKind;
    for (const f of [name, ...list(aliases)]) add(f, { type: 'org', name, kind: k });
  }
  for (const l of lines(path.join(dir, 'cities.tsv'))) {
    const [city, country, aliases] = l.split('\t');
    if (!city || !country) continue;
    cityCountry.set(city, country);
    for (const f of [city, ...list(aliases)]) add(f, { type: 'city', country, city });
  }
  for (const l of lines(path.join(dir, 'media.tsv'))) add(l.trim(), { type: 'media', name: l.trim() });
  const roles = sections(path.join(dir, 'roles.txt'));
  const groups = sections(path.join(dir, 'groups.txt'));
  for (const l of groups.get('region') ?? []) {
    const [adj, region] = l.split('\t');
    if (adj && region && !forms.has(adj)) add(adj, { type: 'region', region });
  }
  let maxFormTokens = 1;
  for (const f of forms.keys()) maxFormTokens = Math.max(maxFormTokens, f.split(/[\s]+/).length + 2);
  return {
    countries,
    forms,
    maxFormTokens,
    roleHeads: new Set((roles.get('head') ?? []).map((s) => s.toLowerCase())),
    roleModifiers: new Set((roles.get('modifier') ?? []).map((s) => s.toLowerCase())),
    delegationNouns: new Set((groups.get('delegation') ?? []).map((s) => s.toLowerCase())),
    groupNouns: new Set((groups.get('groupnoun') ?? []).map((s) => s.toLowerCase())),
    cityCountry,
  };
}

/** The knowledge every extraction uses, loaded at module level. */
export const KB: Knowledge = loadKnowledge();
