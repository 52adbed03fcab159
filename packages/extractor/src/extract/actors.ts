import type { ActorKind, Evidence } from '@kg/graph-schema';
import { KB } from './knowledge';
import { NON_PERSON_HEADS } from './lexicon';
import { memo } from './memo';
import type { Mention } from './mentions';
import type { Token } from './tokens';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_AL_EL_AD = /^(al|el|ad|as|ash|at|az)[-\s]/;
const RE_IY_YI_II = /(iy|yi|y|ii|i)$/;
const RE_SPACES = /\s+/;
const RE_ARMY = / army$/;

/**
 * Stage 3, "actors": turns the mentions of a whole article into actors.
 * Persons: a full name starts a person; a surname alone, a spelling variant
 * (Zelensky / Zelenskyy) or, for names written family-name first (Xi
 * Jinping, Kim Jong-un), the first word alone, refers back to it. Titles
 * become roles and the country or organization in a title the affiliation.
 * Countries, organizations and groups are one actor per canonical name.
 */

export interface ActorDraft {
  ref: string;
  name: string;
  kind: ActorKind;
  aliases: Set<string>;
  roles: Set<string>;
  affiliation?: { type: 'country' | 'org'; key: string };
  /** person whose possessive titled this one ("Trump's envoy"), for affiliation */
  possessor?: string;
  mentions: Evidence[];
  /** how the actor was found, for --explain */
  rule: string;
}

export interface SentenceCtx {
  index: number;
  start: number;
  end: number;
  text: string;
  toks: Token[];
  mentions: Mention[];
  owner: Int32Array;
  body: boolean;
}

/** accent-free lower case */
export const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();

/**
 * Key under which spelling variants of a surname meet: accents, doubled
 * letters, an Arabic article ("al-Burhan" / "Burhan") and the -y/-iy/-yy
 * endings of transliterated Slavic names do not count.
 */
export const surnameKey = memo((s: string): string => surnameKeyOnce(s));
function surnameKeyOnce(s: string): string {
  return fold(s)
    .replace(RE_AL_EL_AD, '')
    .replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(RE_IY_YI_II, 'i')
    .replace(/kh/g, 'h');
}

// module-level: the transform that runs this code builds a \p{…} pattern written in a function at every call
const INITIAL_IN_NAME = /\b\p{Lu}\.\s/u;
// the words of a name are read several times per mention, and the same names recur: split once
// (read-only arrays, shared by every caller)
const nameTokens: (name: string) => readonly string[] = memo((name: string) => name.split(RE_SPACES).filter(Boolean));
const givenKey = (w: string) => fold(w).replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');

/** Given names agree when one is missing, equal up to spelling, or an initial of the other. */
export function givenCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.some((y) => {
    const gx = givenKey(x);
    const gy = givenKey(y);
    return gx === gy || ((gx.length === 1 || gy.length === 1) && gx[0] === gy[0]) || (gx.length > 3 && gy.length > 3 && gx.slice(0, 4) === gy.slice(0, 4));
  }));
}

export interface ActorTable {
  actors: Map<string, ActorDraft>;
  /** the actor ref of each mention */
  refOf: Map<Mention, string>;
  /** persons in text order with their sentence and token, for pronouns */
  personOrder: { sentence: number; tok: number; ref: string; subject: boolean }[];
}

export function buildActors(sentences: SentenceCtx[]): ActorTable {
  const actors = new Map<string, ActorDraft>();
  const refOf = new Map<Mention, string>();
  const ev = (s: SentenceCtx): Evidence => ({ sentence: s.text, start: s.start, end: s.end });
  const addMention = (a: ActorDraft, s: SentenceCtx) => {
    if (!a.mentions.some((e) => e.start === s.start)) a.mentions.push(ev(s));
  };

  // -- persons -------------------------------------------------------------------------------
  interface Cluster {
    ref: string;
    draft: ActorDraft;
    surname: string;
    first: string;
    given: string[];
  }
  const clusters: Cluster[] = [];
  const all: { m: Mention; s: SentenceCtx }[] = [];
  for (const s of sentences) if (s.body) for (const m of s.mentions) if (m.type === 'person') all.push({ m, s });

  const findCluster = (toks: readonly string[]): Cluster | undefined => {
    const sk = surnameKey(toks.at(-1)!);
    const given = toks.slice(0, -1);
    return clusters.find((c) => c.surname === sk && givenCompatible(given, c.given));
  };
  const newCluster = (m: Mention, rule: string): Cluster => {
    const toks = nameTokens(m.key);
    let ref = `person:${m.key}`;
    while (actors.has(ref)) ref += "'";
    const draft: ActorDraft = { ref, name: m.key, kind: 'person', aliases: new Set([m.key]), roles: new Set(), mentions: [], rule };
    actors.set(ref, draft);
    const c: Cluster = { ref, draft, surname: surnameKey(toks.at(-1)!), first: surnameKey(toks[0]!), given: toks.slice(0, -1) };
    clusters.push(c);
    return c;
  };
  const attach = (c: Cluster, m: Mention, s: SentenceCtx) => {
    refOf.set(m, c.ref);
    c.draft.aliases.add(m.key);
    addMention(c.draft, s);
    if (nameTokens(m.key).length > nameTokens(c.draft.name).length && !INITIAL_IN_NAME.test(m.key)) c.draft.name = m.key;
    if (m.role) c.draft.roles.add(m.role);
    if (m.affiliation && !c.draft.affiliation) c.draft.affiliation = m.affiliation;
  };
  // full names with evidence first, then full names whose surname recurs, then single words
  const multi = all.filter(({ m }) => nameTokens(m.key).length >= 2);
  for (const { m, s } of multi) {
    if (!m.personEvidence) continue;
    const c = findCluster(nameTokens(m.key)) ?? newCluster(m, `person (${m.personEvidence})`);
    attach(c, m, s);
  }
  const singles = all.filter(({ m }) => nameTokens(m.key).length === 1);
  const singleKeys = new Set(singles.map(({ m }) => surnameKey(m.key)));
  for (const { m, s } of multi) {
    if (m.personEvidence) continue;
    const toks = nameTokens(m.key);
    const c = findCluster(toks);
    if (c) attach(c, m, s);
    else if (singleKeys.has(surnameKey(toks.at(-1)!)) && toks.length <= 3 && !toks.some((t) => NON_PERSON_HEADS.has(t.toLowerCase())))
      attach(newCluster(m, 'person (full name, then surname alone)'), m, s);
  }
  for (const { m, s } of singles) {
    const k = surnameKey(m.key);
    let c = clusters.find((x) => x.surname === k);
    // family name first: "Xi" after "Xi Jinping", "Kim" after "Kim Jong-un"
    c ??= clusters.find((x) => x.first === k && nameTokens(x.draft.name).length === 2);
    if (!c && m.personEvidence && m.personEvidence !== 'verb') c = newCluster(m, `person (${m.personEvidence})`);
    if (c) attach(c, m, s);
  }
  // hyphenated surname pairs in headlines and text: "Putin-Witkoff"
  for (const s of sentences) {
    if (!s.body) continue;
    for (const m of s.mentions) {
      if (m.type !== 'person' || refOf.has(m) || !m.key.includes('-')) continue;
      const parts = m.key.split('-');
      const cs = parts.map((p) => clusters.find((x) => x.surname === surnameKey(p)));
      if (cs.every(Boolean)) for (const c of cs) addMention(c!.draft, s);
    }
  }

  // -- countries, organizations, groups -----------------------------------------------------
  for (const s of sentences) {
    if (!s.body) continue;
    for (const m of s.mentions) {
      let ref: string | undefined;
      if (m.type === 'country') {
        ref = `country:${m.key}`;
        if (!actors.has(ref)) actors.set(ref, { ref, name: m.key, kind: 'country', aliases: new Set([m.key]), roles: new Set(), mentions: [], rule: `country (${m.via})` });
        const a = actors.get(ref)!;
        if ((m.via === 'name' || m.via === 'alias' || m.via === 'seat' || m.via === 'capital') && !m.compound) a.aliases.add(m.surface);
      } else if (m.type === 'org' || m.type === 'group') {
        const kind: ActorKind = m.type === 'group' || m.orgKind === 'group' ? 'group' : 'organization';
        ref = `${kind}:${m.key}`;
        if (!actors.has(ref)) actors.set(ref, { ref, name: m.key, kind, aliases: new Set([m.key]), roles: new Set(), mentions: [], rule: `${kind} (${m.via})` });
        const a = actors.get(ref)!;
        a.aliases.add(m.surface);
        if (m.affiliation && !a.affiliation) a.affiliation = m.affiliation;
      }
      if (ref) {
        refOf.set(m, ref);
        addMention(actors.get(ref)!, s);
      }
    }
  }
  // "the Sudanese army" and "the Sudanese military" are one group
  for (const a of actors.values()) if (a.kind === 'group' && RE_ARMY.test(a.name)) a.aliases.add(a.name.replace(RE_ARMY, ' military'));

  // -- affiliations ---------------------------------------------------------------------------
  for (const s of sentences) {
    if (!s.body) continue;
    for (const m of s.mentions) {
      const ref = refOf.get(m);
      if (!ref || m.type !== 'person') continue;
      const a = actors.get(ref)!;
      // "President Vladimir V. Putin of Russia"
      if (!a.affiliation && s.toks[m.t1]?.lower === 'of') {
        const o = s.owner[m.t1 + 1] ?? -1;
        const om = o >= 0 ? s.mentions[o] : undefined;
        if (om && om.type === 'country') a.affiliation = { type: 'country', key: om.key };
      }
      // "Trump's special envoy": the possessor
      if (m.titleT0 < m.t0) {
        for (let k = m.titleT0; k < m.t0; k++) {
          const om = s.mentions[s.owner[k]!];
          if (om && om !== m && om.type === 'person' && s.toks[om.t1]?.text === "'s") {
            const pr = refOf.get(om);
            if (pr && pr !== ref) a.possessor ??= pr;
          }
        }
      }
    }
  }
  for (const a of actors.values()) {
    if (a.kind !== 'person' || a.affiliation || !a.possessor) continue;
    const p = actors.get(a.possessor);
    if (p?.affiliation) a.affiliation = p.affiliation;
  }
  const orgByName = new Map<string, string>();
  for (const [k, x] of actors) if (x.kind !== 'person' && !orgByName.has(x.name)) orgByName.set(x.name, k);
  for (const a of actors.values()) {
    if (!a.affiliation) continue;
    const key = a.affiliation.type === 'country' ? `country:${a.affiliation.key}` : orgByName.get(a.affiliation.key);
    if (!key || key === a.ref) delete a.affiliation;
    else if (!actors.has(key) && a.affiliation.type === 'country')
      actors.set(key, { ref: key, name: a.affiliation.key, kind: 'country', aliases: new Set([a.affiliation.key]), roles: new Set(), mentions: [], rule: 'country (affiliation)' });
  }

  // -- persons in text order (for "he", "his") ---------------------------------------------------
  const personOrder: ActorTable['personOrder'] = [];
  for (const s of sentences) {
    if (!s.body) continue;
    let first = true;
    for (const m of s.mentions) {
      const ref = refOf.get(m);
      if (m.type !== 'person' || !ref) continue;
      personOrder.push({ sentence: s.index, tok: m.t0, ref, subject: first && !m.inTitle });
      first = false;
    }
  }
  return { actors, refOf, personOrder };
}

export function countryOfCity(city: string): string | undefined {
  return KB.cityCountry.get(city);
}
