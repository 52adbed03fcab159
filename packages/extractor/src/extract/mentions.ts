import { KB, type EntityKind, type Entry } from './knowledge';
import { FUNCTION_WORDS, NAME_PARTICLES, NON_PERSON_HEADS, PERSON_VERBS, SPEECH_VERBS } from './lexicon';
import { lastOnly } from './memo';
import type { Token } from './tokens';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_L_S = /^(.+[\p{L}])'s$/u;
const RE_AL = /^al-/;
const RE_ARMY_MILITARY_ARMED = /^(army|military|armed forces)$/;
const RE_ARMY_MILITARY = /^(army|military)$/;
const RE_AND_OR = /^(and|,|or)$/;
const RE_MONDAY_TUESDAY_WEDNESDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const RE_OF_ON_FOR = /^(of|on|for|and|the|&)$/;
const RE_A_Z = /^[A-Z]{2,}$/;
const RE_FORCES_ARMY_FRONT = /^(forces|army|front|movement|brigades?|militia|guards?)$/;
const RE_PALACE_HOUSE_HALL = /^(palace|house|hall|building|tower|square|street|hotel|embassy|consulate|office|center|centre|airport|base|park|stadium|peninsula|gulf|sea|east|west|north|south|region|province|city|island|islands)$/;
const RE_FORMULA_PLAN_DECLARATION = /^(formula|plan|declaration|accord|accords|agreement|treaty|protocol|charter|initiative|framework|deal|process|program|programme|act|law|bill|ceremony|signing|war|crisis|conflict|operation)$/;
const RE_NEWS_TIMES_POST = /^(news|times|post|journal|herald|tribune|telegraph|gazette|daily|radio|television|tv|channel|network|press|media)$/;
const RE_ZA = /^[A-Z][A-Za-z]{1,6}$/;
const RE_OF_FOR = /^(of|for)$/;
const RE_MR_MRS_MS = /^(mr|mrs|ms|dr|sir|dame)\.?$/;
const RE_OF_TO_FOR = /^(of|to|for|the)$/;
const RE_OF_TO_FOR_2 = /^(of|to|for)$/;
const RE_OF_TO_THE = /^(of|to|the)$/;
const RE_AND = /^(and)$/;
const RE_MR_MRS_MS_2 = /^(mr|mrs|ms|dr)\.?$/;
const HONORIFIC = /^(mr|mrs|ms|dr|prof|professor|sir|dame|sheikh|sayyid|hon)\.?$/;
const RE_TO_OF_FOR = /^(to|of|for)$/;
const RE_SENTENCE_PUNCT = /^[;.:]$/;
const RE_THE_AN_HIS = /^(the|a|an|his|her|its|their|and|;|,)$/;
const RE_APPOSITIVE_END = /^[,.;:()"“”]$/;
const RE_WHO_WHICH_SAID = /^(who|which|said|says|told)$/;
const RE_THE_AN_HIS_2 = /^(the|a|an|his|her|its|their|then)$/;
const RE_ALSO_LATER_THEN = /^(also|later|then|earlier|had|has|have|was|on|is|will|would|previously|reportedly)$/;
const RE_THE_AN_HIS_3 = /^(the|a|an|his|her|its|their|and)$/;
const RE_THE_AN_HIS_4 = /^(the|a|an|his|her|its|their)\s+/i;

/**
 * Stage 2, "mentions": in one sentence, finds the spans that name something —
 * countries (by name, demonym, capital or seat of power), cities,
 * organizations, news media, groups ("European allies"), and personal names
 * with the title or role that comes with them. Which person a surname refers
 * to is decided later, for the whole article (actors.ts).
 */

export type MentionType = 'person' | 'country' | 'org' | 'group' | 'media' | 'place';

export interface Mention {
  type: MentionType;
  /** Canonical key: country name, organization name, group name, or the person's name as written. */
  key: string;
  surface: string;
  via: 'name' | 'alias' | 'demonym' | 'capital' | 'seat' | 'city' | 'org' | 'acronym' | 'region' | 'pattern';
  sentence: number;
  /** token range [t0, t1) of the name itself */
  t0: number;
  t1: number;
  start: number;
  end: number;
  /** first token of the title that precedes the name ("Russian President"), else t0 */
  titleT0: number;
  role?: string;
  /** country or organization named inside the title ("Russian", "Kremlin", "RSF") */
  affiliation?: { type: 'country' | 'org'; key: string };
  /** city for places, capitals and seats of power */
  city?: string;
  orgKind?: EntityKind;
  /** why this chunk is taken for a person ('title', 'appositive', 'honorific', 'verb'); absent = only a candidate */
  personEvidence?: string;
  /** the noun after a demonym: "Russian delegation" → "delegation" */
  groupNoun?: string;
  /** part of a hyphenated compound: "Ukraine-Russia talks", "US-mediated" (the other part, lower-cased) */
  compound?: string;
  /** this mention sits inside the title of another (person) mention: a modifier, not a party */
  inTitle?: boolean;
  /** a named document or event ("the Jeddah Declaration"), read as a place, never as a party */
  document?: boolean;
}

/**
 * Every mention is made here, with all its fields in one order (absent ones undefined), so that
 * all mentions share one hidden class and the later stages read them without shape checks.
 */
export function newMention(sentence: number, toks: Token[], i: number, j: number, type: MentionType, key: string, via: Mention['via']): Mention {
  return {
    type,
    key,
    surface: joinToks(toks, i, j),
    via,
    sentence,
    t0: i,
    t1: j,
    start: toks[i]!.start,
    end: toks[j - 1]!.end,
    titleT0: i,
    role: undefined,
    affiliation: undefined,
    city: undefined,
    orgKind: undefined,
    personEvidence: undefined,
    groupNoun: undefined,
    compound: undefined,
    inTitle: undefined,
    document: undefined,
  };
}
const withField = <K extends keyof Mention>(m: Mention, k: K, v: Mention[K]): Mention => {
  m[k] = v;
  return m;
};

/** Adds a mention and makes it the owner of its tokens. (Module-level, like the other helpers here: a named closure made per call costs more than the call under the transform that runs this code.) */
function claim(mentions: Mention[], owner: Int32Array, m: Mention): Mention {
  mentions.push(m);
  for (let k = m.t0; k < m.t1; k++) owner[k] = mentions.length - 1;
  return m;
}

export interface SentenceMentions {
  mentions: Mention[];
  /** token index → index in `mentions` of the mention covering it (title tokens included for persons) */
  owner: Int32Array;
  /** acronyms defined here: "Rapid Support Forces (RSF)" */
  acronyms: [string, string][];
}

// --- gazetteer lookup -----------------------------------------------------------------------

/** first token of a form → the token-lengths to try, longest first. */
const firstWords = new Map<string, number[]>();
for (const form of KB.forms.keys()) {
  const toks = formTokens(form);
  const lens = firstWords.get(toks[0]!) ?? [];
  if (!lens.includes(toks.length)) lens.push(toks.length);
  lens.sort((a, b) => b - a);
  firstWords.set(toks[0]!, lens);
}
function formTokens(form: string): string[] {
  const out: string[] = [];
  const re = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+(?:['’‑-][\p{L}\p{M}]+)*|\d+|'s|\S/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(form.replace(/’/g, "'")))) {
    const w = m[0];
    const poss = RE_L_S.exec(w);
    if (poss) out.push(poss[1]!, "'s");
    else out.push(w);
  }
  return out;
}
const joinToks = (toks: Token[], i: number, j: number): string => {
  let s = toks[i]!.text;
  for (let k = i + 1; k < j; k++) {
    const t = toks[k]!;
    const glue = t.start === toks[k - 1]!.end ? '' : ' ';
    s += (t.text === "'s" ? '' : glue) + t.text;
  }
  return s;
};
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

function lookup(toks: Token[], i: number): { entry: Entry; len: number; form: string } | undefined {
  const t = toks[i]!;
  let first = t.text;
  let lens = firstWords.get(first);
  // (a lower-case ASCII second letter rules out an all-capitals word without building its upper case)
  const c1 = t.text.charCodeAt(1);
  if (!lens && t.text.length > 3 && !(c1 >= 97 && c1 <= 122) && t.text === t.text.toUpperCase()) {
    first = titleCase(t.text); // "ISTANBUL" in a dateline
    lens = firstWords.get(first);
  }
  if (!lens) return undefined;
  for (const len of lens) {
    if (i + len > toks.length) continue;
    let form = joinToks(toks, i, i + len);
    if (first !== t.text) form = first + form.slice(first.length);
    const entry = KB.forms.get(form);
    if (entry) return { entry, len, form };
  }
  return undefined;
}

// --- roles ----------------------------------------------------------------------------------

// first and last words of roles: most tokens are neither, and need no string building
const ROLE_FIRST = new Set<string>();
const ROLE_LAST = new Set<string>();
for (const r of KB.roleHeads) {
  const ws = r.split(/\s+/);
  ROLE_FIRST.add(ws[0]!);
  ROLE_LAST.add(ws.at(-1)!);
  ROLE_LAST.add(`${ws.at(-1)!}s`);
  if (ws.length === 1) ROLE_FIRST.add(`${ws[0]!}s`);
}
const roleWord = (lower: string) => KB.roleHeads.has(lower) || (lower.endsWith('s') && KB.roleHeads.has(lower.slice(0, -1)));
const modWord = (lower: string) => KB.roleModifiers.has(lower);
/**
 * Role heads ending or starting at each token, computed at most once per token of a sentence
 * (titles are read back and forth around every name): -1 = not yet known.
 */
const memoOf = lastOnly((toks: Token[]): { end: Int8Array; start: Int8Array } => ({ end: new Int8Array(toks.length).fill(-1), start: new Int8Array(toks.length).fill(-1) }));
/** Lower-case words i..j-1 as joinToks glues them (no space before "'s" or where tokens touch). */
const joinLower = (toks: Token[], i: number, j: number): string => {
  let s = toks[i]!.lower;
  for (let k = i + 1; k < j; k++) {
    const t = toks[k]!;
    s += (t.text === "'s" || t.start === toks[k - 1]!.end ? '' : ' ') + t.lower;
  }
  return s;
};
/** Length of a (multi-word) role head ending at token j, or 0. */
function roleEndingAt(toks: Token[], j: number): number {
  if (!ROLE_LAST.has(toks[j]!.lower)) return 0;
  const memo = memoOf(toks);
  const known = memo.end[j]!;
  if (known >= 0) return known;
  let out = 0;
  for (let len = 4; len >= 1; len--) {
    const i = j - len + 1;
    if (i < 0) continue;
    if (roleWord(joinLower(toks, i, j + 1))) {
      out = len;
      break;
    }
  }
  memo.end[j] = out;
  return out;
}
/** Length of a role head starting at token i, or 0. */
function roleStartingAt(toks: Token[], i: number): number {
  if (!ROLE_FIRST.has(toks[i]!.lower)) return 0;
  const memo = memoOf(toks);
  const known = memo.start[i]!;
  if (known >= 0) return known;
  let out = 0;
  for (let len = 4; len >= 1; len--) {
    if (i + len > toks.length) continue;
    if (roleWord(joinLower(toks, i, i + len))) {
      out = len;
      break;
    }
  }
  memo.start[i] = out;
  return out;
}

// module-level: the transform that runs this code builds a \p{…} pattern written in a function at every call
const ARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az)-\p{Lu}/u;
const INITIAL = /^\p{Lu}\.$/u;
const isNameWord = (t: Token) =>
  t.kind === 'word' &&
  (t.cap || ((t.text[2] === '-' || t.text[3] === '-') && ARTICLE_NAME.test(t.text))) &&
  !FUNCTION_WORDS.has(t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower);
const isInitial = (t: Token) => INITIAL.test(t.text);

// --- the stage ------------------------------------------------------------------------------

export function findMentions(toks: Token[], sentence: number, docAcronyms: Map<string, string>, acronymKinds = new Map<string, EntityKind>()): SentenceMentions {
  const n = toks.length;
  const mentions: Mention[] = [];
  const owner = new Int32Array(n).fill(-1);
  const acronyms: [string, string][] = [];

  // 1. gazetteer: countries, demonyms, capitals, seats, cities, organizations, media, regions
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word') continue;
    // hyphenated compounds: "Ukraine-Russia", "US-mediated", "Moscow-installed"
    if (t.text.includes('-') && !KB.forms.has(t.text)) {
      const parts = t.text.split('-');
      const e0 = KB.forms.get(parts[0]!);
      if (e0 && (e0.type === 'country' || e0.type === 'demonym' || e0.type === 'capital' || e0.type === 'seat')) {
        const country = e0.country;
        const e1 = parts.length === 2 ? KB.forms.get(parts[1]!) : undefined;
        const rest = parts.slice(1).join('-').toLowerCase();
        const m = newMention(sentence, toks, i, i + 1, 'country', country, e0.type === 'country' ? 'name' : e0.type);
        m.compound = rest;
        m.surface = parts[0]!;
        m.end = t.start + parts[0]!.length;
        if ('city' in e0) m.city = e0.city;
        claim(mentions, owner, m);
        if (e1 && (e1.type === 'country' || e1.type === 'demonym')) {
          const m1 = newMention(sentence, toks, i, i + 1, 'country', e1.country, 'name');
          m1.compound = parts[0]!.toLowerCase();
          m1.surface = parts[1]!;
          m1.start = t.end - parts[1]!.length;
          mentions.push(m1);
        }
        continue;
      }
    }
    if (!t.cap && !RE_AL.test(t.text)) continue;
    const hit = lookup(toks, i);
    if (!hit) continue;
    const { entry, len } = hit;
    const j = i + len;
    switch (entry.type) {
      case 'country':
        claim(mentions, owner, newMention(sentence, toks, i, j, 'country', entry.country, entry.via));
        break;
      case 'capital':
      case 'seat':
        claim(mentions, owner, withField(newMention(sentence, toks, i, j, 'country', entry.country, entry.type), 'city', entry.city));
        break;
      case 'city':
        claim(mentions, owner, withField(newMention(sentence, toks, i, j, 'place', entry.city, 'city'), 'city', entry.city));
        break;
      case 'media':
        claim(mentions, owner, newMention(sentence, toks, i, j, 'media', entry.name, 'name'));
        break;
      case 'org': {
        claim(mentions, owner, withField(newMention(sentence, toks, i, j, 'org', entry.name, 'org'), 'orgKind', entry.kind));
        break;
      }
      case 'demonym': {
        // "Russian delegation", "Ukrainian officials", "Sudanese army": the country acting
        const next2 = j + 1 < n ? `${toks[j]!.lower} ${toks[j + 1]!.lower}` : '';
        const next1 = j < n ? toks[j]!.lower : '';
        if (RE_ARMY_MILITARY_ARMED.test(next2) || RE_ARMY_MILITARY.test(next1)) {
          const nounLen = KB.delegationNouns.has(next2) ? 2 : 1;
          const country = KB.countries.get(entry.country);
          const dem = country?.demonyms[0] ?? toks[i]!.text;
          const g = newMention(sentence, toks, i, j + nounLen, 'group', `${dem} army`, 'pattern');
          g.groupNoun = 'army';
          g.affiliation = { type: 'country', key: entry.country };
          claim(mentions, owner, g);
          i = j + nounLen - 1;
          break;
        }
        const gn = KB.delegationNouns.has(next2) ? next2 : KB.delegationNouns.has(next1) ? next1 : undefined;
        const dm = newMention(sentence, toks, i, j, 'country', entry.country, 'demonym');
        if (gn) dm.groupNoun = gn;
        claim(mentions, owner, dm);
        break;
      }
      case 'region': {
        const next = j < n ? toks[j]! : undefined;
        if (next && KB.groupNouns.has(next.lower)) {
          claim(mentions, owner, withField(newMention(sentence, toks, i, j + 1, 'group', `${hit.form} ${next.lower}`, 'region'), 'groupNoun', next.lower));
          i = j;
        }
        break;
      }
    }
    i = Math.max(i, j - 1);
  }
  // Demonyms coordinated before a group noun: "Russian and Ukrainian officials", "US and Russian officials".
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.type !== 'country' || m.groupNoun) continue;
    const nx = mentions.find((o) => o.type === 'country' && o.groupNoun && o.t0 === m.t1 + 1 && RE_AND_OR.test(toks[m.t1]!.lower));
    if (nx && (m.via === 'demonym' || m.via === 'name' || m.via === 'alias')) m.groupNoun = nx.groupNoun;
  }

  // 2. organizations by their head noun: "Rapid Support Forces", "National Security Council"
  for (let i = 0; i < n; i++) {
    if (owner[i] !== -1 || !toks[i]!.cap || toks[i]!.kind !== 'word' || FUNCTION_WORDS.has(toks[i]!.lower)) continue;
    let j = i;
    let lastHead = -1;
    while (j < n) {
      const t = toks[j]!;
      if (owner[j] !== -1) break;
      if (j > i && t.cap && HEADLINE_VERBS.has(t.lower)) break;
      if (t.kind === 'word' && t.cap && !RE_MONDAY_TUESDAY_WEDNESDAY.test(t.text)) {
        if (NON_PERSON_HEADS.has(t.lower)) lastHead = j;
        j++;
      } else if (RE_OF_ON_FOR.test(t.lower) && j + 1 < n && toks[j + 1]!.cap && owner[j + 1] === -1) j++;
      else break;
    }
    if (lastHead >= 0 && !roleWord(toks[lastHead]!.lower)) {
      const end = lastHead + 1;
      const words = toks.slice(i, end).map((t) => t.lower);
      // "Monday's Summit" or a single generic word ("Palace") is not an organization
      if (end - i >= 2 || RE_A_Z.test(toks[i]!.text)) {
        const kind: EntityKind = words.some((w) => RE_FORCES_ARMY_FRONT.test(w)) ? 'group' : 'organization';
        const place = words.some((w) => RE_PALACE_HOUSE_HALL.test(w));
        const doc = words.some((w) => RE_FORMULA_PLAN_DECLARATION.test(w));
        const media = words.some((w) => RE_NEWS_TIMES_POST.test(w));
        const surface = joinToks(toks, i, end);
        const m = newMention(sentence, toks, i, end, media ? 'media' : place ? 'place' : doc ? 'place' : 'org', surface, 'org');
        m.orgKind = kind;
        if (doc) m.document = true;
        claim(mentions, owner, m);
        // "(RSF)": an acronym defined for it
        if (toks[end]?.text === '(' && toks[end + 1] && RE_ZA.test(toks[end + 1]!.text) && toks[end + 2]?.text === ')') {
          acronyms.push([toks[end + 1]!.text, surface]);
          docAcronyms.set(toks[end + 1]!.text, surface);
          acronymKinds.set(surface, kind);
          claim(mentions, owner, withField(newMention(sentence, toks, end + 1, end + 2, m.type, surface, 'acronym'), 'orgKind', kind));
        }
      }
      i = Math.max(i, end - 1);
    } else i = Math.max(i, j - 1);
  }
  // acronyms defined earlier in the article
  for (let i = 0; i < n; i++) {
    if (owner[i] !== -1) continue;
    const def = docAcronyms.get(toks[i]!.text);
    if (def) claim(mentions, owner, withField(newMention(sentence, toks, i, i + 1, 'org', def, 'acronym'), 'orgKind', acronymKinds.get(def) ?? 'organization'));
  }

  // 3. personal names: runs of capitalized words (with particles and initials)
  for (let i = 0; i < n; i++) {
    if (owner[i] !== -1 || !isNameWord(toks[i]!)) continue;
    // capitalized role words are titles, not names: "President", "Foreign Minister", "Gen."
    const rl = roleStartingAt(toks, i);
    if (rl) {
      i += rl - 1;
      continue;
    }
    if (modWord(toks[i]!.lower) && i + 1 < n && (roleStartingAt(toks, i + 1) || modWord(toks[i + 1]!.lower))) continue;
    // an honorific is not part of the name: "Deputy FM Dr Mohammad Naeem", "Prof Muhammad Yunus"
    if (HONORIFIC.test(toks[i]!.lower) && i + 1 < n && isNameWord(toks[i + 1]!)) continue;
    let j = i + 1;
    while (j < n && owner[j] === -1) {
      const t = toks[j]!;
      // a headline's capitalized verb ends the name: "Kim Jong Un Has Talks with ..."
      if (t.cap && HEADLINE_VERBS.has(t.lower)) break;
      // a Korean given name's last syllable written apart: "Moon Jae In", "Im Jong Sok"; mid-sentence a
      // capitalized "In" after two name words, with no capitalized word after it, is no preposition
      if (t.text === 'In' && j - i >= 2 && !(toks[j + 1]?.cap && toks[j + 1]!.kind === 'word')) {
        j++;
        continue;
      }
      if (isNameWord(t) || isInitial(t)) {
        if (roleStartingAt(toks, j) && !(j + 1 < n && isNameWord(toks[j + 1]!) && !roleStartingAt(toks, j + 1) && false)) break;
        j++;
      } else if (NAME_PARTICLES.has(t.text) && j + 1 < n && isNameWord(toks[j + 1]!)) j++;
      else break;
    }
    const words = toks.slice(i, j);
    if (words.length > 4 || words.some((w) => NON_PERSON_HEADS.has(w.lower))) {
      i = j - 1;
      continue;
    }
    // all-caps words are acronyms or shouting headlines, not names
    if (words.every((w) => w.text.length > 1 && w.text === w.text.toUpperCase())) {
      i = j - 1;
      continue;
    }
    let t0 = i;
    // "Minister of Minerals Mohamed Bashir Abu-Namo": the portfolio belongs to the title
    const portfolio = j - i >= 3 && t0 >= 2 && RE_OF_FOR.test(toks[t0 - 1]!.lower) && roleEndingAt(toks, t0 - 2) > 0;
    if (portfolio) t0++;
    const m = newMention(sentence, toks, t0, j, 'person', joinToks(toks, t0, j), 'name');
    claim(mentions, owner, m);
    if (portfolio) {
      const rs = t0 - 2 - roleEndingAt(toks, t0 - 2) + 1;
      m.titleT0 = rs;
      m.personEvidence = 'title';
      m.role = joinToks(toks, rs, t0);
    } else personContext(toks, m, mentions, owner);
    if (m.titleT0 < m.t0) for (let k = m.titleT0; k < m.t0; k++) if (owner[k] === -1) owner[k] = mentions.length - 1;
    i = j - 1;
  }
  coordinatedPersons(toks, mentions);
  return { mentions, owner, acronyms };
}

/**
 * A name listed with people is a person: "included Defense Minister A B, head of the party C D,
 * member of the parliament E F, and ... G H" — each element its own title, some of them unknown
 * to the title grammar. A candidate name of two or more words ending an element, next to an
 * element whose person is certain, is taken for one (and so, in turn, are its neighbours).
 */
function coordinatedPersons(toks: Token[], mentions: Mention[]): void {
  const persons = mentions.filter((m) => m.type === 'person').sort((a, b) => a.t0 - b.t0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < persons.length; k++) {
      const m = persons[k]!;
      if (m.personEvidence || m.t1 - m.t0 < 2) continue;
      const next = persons[k + 1];
      const prev = persons[k - 1];
      // the element after it starts right after the delimiter: its title (or its name) follows ", " or ", and "
      const delimAfter = listDelimiterEnd(toks, m.t1);
      const nextOk = !!next?.personEvidence && delimAfter > 0 && (next.titleT0 === delimAfter || next.t0 === delimAfter);
      // the element before it ends at the delimiter that opens this element
      const prevOk = !!prev?.personEvidence && listDelimiterEnd(toks, prev.t1) > 0 && !mentions.some((o) => o.type === 'person' && o.t0 > prev.t1 && o.t1 <= m.t0) && m.t0 - prev.t1 <= 16 && !toks.slice(prev.t1, m.t0).some((t) => RE_LIST_BREAK.test(t.lower));
      const endsElement = m.t1 >= toks.length || RE_ELEMENT_END.test(toks[m.t1]!.lower);
      if (endsElement && (nextOk || prevOk)) {
        m.personEvidence = 'list';
        changed = true;
      }
    }
  }
}

/** The token index after ", " / ", and " / " and " at i, or 0 when no list delimiter is there. */
function listDelimiterEnd(toks: Token[], i: number): number {
  if (toks[i]?.text === ',') return toks[i + 1]?.lower === 'and' ? i + 2 : i + 1;
  if (toks[i]?.lower === 'and') return i + 1;
  return 0;
}
// verbs that a title-case headline capitalizes right after a name
const HEADLINE_VERBS = new Set(['has', 'have', 'holds', 'hosts', 'meets', 'met', 'talks', 'calls', 'visits', 'urges', 'signs', 'says', 'said', 'warns', 'vows', 'welcomes', 'rejects', 'backs', 'agrees', 'arrives', 'receives', 'discusses', 'speaks', 'phones', 'invites', 'lands', 'leaves', 'to', 'will', 'is', 'was']);
const RE_ELEMENT_END = /^(,|\.|;|and|\)|were|was|are|is)$/;
const RE_LIST_BREAK = /^(said|says|told|who|which|while|but|;|:|\(|\)|met|meet|and)$/;

/** Reads the title before a name, an appositive after it, an honorific or a reporting verb. */
function personContext(toks: Token[], m: Mention, mentions: Mention[], owner: Int32Array): void {
  const n = toks.length;
  // -- title before: "Russian President", "US special envoy to the Middle East", "Trump's special envoy,"
  let j = m.t0 - 1;
  let sawHead = false;
  let titleStart = m.t0;
  let comma = false;
  if (j >= 0 && toks[j]!.text === ',') {
    comma = true;
    j--;
  }
  const firstHeadEnd = j;
  while (j >= 0) {
    const t = toks[j]!;
    const rl = roleEndingAt(toks, j);
    if (rl) {
      sawHead ||= j === firstHeadEnd || sawHead || true;
      j -= rl;
      titleStart = j + 1;
      continue;
    }
    if (modWord(t.lower) || RE_MR_MRS_MS.test(t.lower) || HONORIFIC.test(t.lower)) {
      j--;
      titleStart = j + 1;
      continue;
    }
    const o = owner[j]!;
    if (o >= 0) {
      const om = mentions[o]!;
      if (om.type === 'country' || om.type === 'org' || om.type === 'group' || om.type === 'person' || (om.type === 'place' && om.via === 'org')) {
        j = om.titleT0 - 1;
        titleStart = om.titleT0;
        continue;
      }
      break;
    }
    if (t.text === "'s" && j > 0 && owner[j - 1]! >= 0) {
      j--;
      continue;
    }
    // "envoy to the Middle East", "Secretary of State", "head of the ... delegation"
    if (RE_OF_TO_FOR.test(t.lower) && j > 0) {
      const k = j - 1;
      if (roleEndingAt(toks, k) || toks[k]!.lower === 'the' || RE_OF_TO_FOR_2.test(toks[k]!.lower)) {
        j--;
        continue;
      }
    }
    if (t.cap && t.kind === 'word' && j > 0 && sawHead && owner[j] === -1 && !FUNCTION_WORDS.has(t.lower)) {
      // unknown capitalized modifier inside a title ("Middle East envoy", "Sovereign Council Chairman")
      const k = j - 1;
      if (roleEndingAt(toks, k) || modWord(toks[k]!.lower) || owner[k]! >= 0 || RE_OF_TO_THE.test(toks[k]!.lower)) {
        j--;
        continue;
      }
    }
    if (RE_AND.test(t.lower) && sawHead && j > 0 && roleEndingAt(toks, j - 1)) {
      j--;
      continue;
    }
    break;
  }
  // a title is only one if it holds a role word
  let hasHead = false;
  for (let k = titleStart; k < (comma ? m.t0 - 1 : m.t0); k++) if (roleEndingAt(toks, k)) hasHead = true;
  // the word right before the name (or the comma) must be a role word or an honorific
  const last = comma ? m.t0 - 2 : m.t0 - 1;
  let lastOk = last >= 0 && (roleEndingAt(toks, last) > 0 || RE_MR_MRS_MS_2.test(toks[last]!.lower) || HONORIFIC.test(toks[last]!.lower));
  // "special envoy to the Middle East Steve Witkoff": a role, then "to/of/for (the) <name>"
  if (!lastOk && last >= 0 && owner[last]! >= 0) {
    const om = mentions[owner[last]!]!;
    let k = om.t0 - 1;
    if (toks[k]?.lower === 'the') k--;
    if (RE_TO_OF_FOR.test(toks[k]?.lower ?? '') && roleEndingAt(toks, k - 1) > 0) lastOk = true;
  }
  if (hasHead && lastOk && titleStart < m.t0) {
    // in "X, a former minister, Y" the comma form needs the title to start a noun phrase
    m.titleT0 = titleStart;
    m.personEvidence = RE_MR_MRS_MS_2.test(toks[last]!.lower) || HONORIFIC.test(toks[last]!.lower) ? 'honorific' : 'title';
    setRole(toks, m, mentions, owner, titleStart, comma ? m.t0 - 1 : m.t0);
    return;
  }
  // -- a long title before a comma: "the head of the Main Directorate of the General Staff, Igor Kostyukov"
  if (comma) {
    for (let k = m.t0 - 2; k >= Math.max(0, m.t0 - 16); k--) {
      const t = toks[k]!;
      if (RE_SENTENCE_PUNCT.test(t.text) || (owner[k]! >= 0 && mentions[owner[k]!]!.type === 'person')) break;
      const rl = roleEndingAt(toks, k);
      if (rl && !t.cap && RE_THE_AN_HIS.test(toks[k - rl]?.lower ?? ';')) {
        m.personEvidence = 'appositive';
        setRole(toks, m, mentions, owner, k - rl + 1, m.t0 - 1);
        return;
      }
    }
  }
  // -- appositive after: "David Arakhamia, the head of the Ukrainian delegation,"
  if (m.t1 < n && toks[m.t1]!.text === ',') {
    let k = m.t1 + 1;
    const s = k;
    while (k < n && !RE_APPOSITIVE_END.test(toks[k]!.text) && !RE_WHO_WHICH_SAID.test(toks[k]!.lower) && k - s < 14) k++;
    let head = false;
    for (let q = s; q < k; q++) if (roleEndingAt(toks, q) && !toks[q]!.cap) head = true;
    // a capitalized title ends the appositive when no name follows it: "Ishrat Jahan, Director General
    // (South Asia wing)", "Zhao Leji, Chair of the Standing Committee" (but "Trump, Secretary of State Rubio" is two people)
    const rl = roleStartingAt(toks, s);
    if (!head && rl && k - s < 14 && (s + rl >= k || !isNameWord(toks[s + rl]!) || RE_OF_TO_FOR.test(toks[s + rl]!.lower))) head = true;
    const det = toks[s] && (RE_THE_AN_HIS_2.test(toks[s]!.lower) || owner[s]! >= 0 || modWord(toks[s]!.lower) || roleStartingAt(toks, s) > 0);
    if (head && det) {
      m.personEvidence = 'appositive';
      setRole(toks, m, mentions, owner, s, k);
      return;
    }
  }
  // -- a reporting or action verb after a full name: "David Arakhamia said"
  let v = m.t1;
  while (v < n && RE_ALSO_LATER_THEN.test(toks[v]!.lower)) v++;
  if (m.t1 - m.t0 >= 2 && v < n && (PERSON_VERBS.has(toks[v]!.lower) || SPEECH_VERBS.has(toks[v]!.lower))) m.personEvidence = 'verb';
  // "according to X"
  if (m.t1 - m.t0 >= 2 && m.t0 >= 2 && toks[m.t0 - 1]!.lower === 'to' && toks[m.t0 - 2]!.lower === 'according') m.personEvidence = 'verb';
}

function setRole(toks: Token[], m: Mention, mentions: Mention[], owner: Int32Array, from: number, to: number): void {
  // the role is what follows the last possessive: "Trump's special envoy" → "special envoy"
  let s = from;
  for (let k = from; k < to; k++) if (toks[k]!.text === "'s") s = k + 1;
  while (s < to && RE_THE_AN_HIS_3.test(toks[s]!.lower)) s++;
  const roleText = to > from ? joinToks(toks, from, to).replace(RE_THE_AN_HIS_4, '') : '';
  if (roleText) m.role = roleText;
  for (let k = from; k < to; k++) {
    const o = owner[k]!;
    if (o < 0) continue;
    const om = mentions[o]!;
    if (om === m) continue;
    om.inTitle = true;
    if (!m.affiliation) {
      if (om.type === 'country') m.affiliation = { type: 'country', key: om.key };
      else if (om.type === 'org' || om.type === 'group') m.affiliation = { type: 'org', key: om.key };
    }
  }
  // a possessor person's affiliation is looked up later ("Trump's envoy" → Trump's country)
  void s;
}
