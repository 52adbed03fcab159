import type { Stance } from '@kg/graph-schema';
import type { ExtractedPosition } from './types';
import type { ActorTable, SentenceCtx } from './actors';
import type { DateExpr } from './dates';
import { resolveDate } from './dates';
import { SAY_VERBS } from './lexicon';
import { lastOnly, lowerText, wordSet } from './memo';
import type { Mention } from './mentions';
import { isModifierUse, isPlaceUse, lastPerson, outerOf, previousPair, subjectOf } from './meetings';
import { firstWords } from './first-words';
import { issueOf } from './issues';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_OPENING_QUOTE = /^["“‘]/;
const RE_ED = /(ed|s)$/;
const RE_OFFICIALS_FORCES = /^(officials|forces|'s)$/;
const RE_WILL_WOULD_HAS = /^(will|would|has|had|is|was|took|said)$/;
const RE_THAT_WE_HE = /^(that|we|he|she|they|i)$/;
const RE_ACCEPTABLE = /acceptable/;
const RE_UN_NOT_ACCEPTABLE = /\b(un|not )acceptable\b/;
const RE_INSIST_INSISTS_INSISTED = /^(insist|insists|insisted|insisting)$/;
const RE_IN_EXCHANGE_FOR = /\b(in exchange for|in return for|provided that|on condition that|as long as|only if|under advisement)\b/;
const RE_RENEWED_REPEATED_LATEST = /^(renewed|repeated|latest|new|controversial|own|continued|earlier|first)$/;
const RE_HIS_HER_THEIR = /^(his|her|their|its)$/;
const RE_AN_THE_ITS = /^(a|an|the|its|their|his|her|our|respective|any|all|these|those|such|new|military|strong|'s)$/;
const RE_ED_2 = /ed$/;
const RE_S = /s$/;
const RE_IN_BY_AT = /^(in|by|at|for|to|during)$/;
const RE_BEEN_BE_BEING = /^(been|be|being|was|were|is|are)$/;
const RE_SUGGEST = /^suggest/;
const RE_HE_SHE_IT = /^(he|she|it|they|we|i|who|which|that|will|would|can|could|does|did|do|has|have|had|is|are|was|were|also|not|n't|still|to|and|strongly|firmly|fully|only)$/;
const RE_LY = /ly$/;
const RE_N_T = /n't$/;
const RE_STRESSED_INSISTED_INSIST = /^(stressed|insisted|insist|insists|emphasized|emphasised|warned|reiterated|stated|argued|claimed|acknowledged|underlined|asserted)$/;
const RE_WE_OUR = /^(we|i|our)$/;
const RE_WE = /^(we|i)$/;

/**
 * Stage 5, "positions": who accepts, rejects, demands, proposes or
 * conditions what. A sentence is cut into clauses ("..., but stressed that
 * ...", "; ..."); in each, a stance cue is looked for:
 *  - a verb ("rejected", "urged", "agreed to", "invited") belongs to its subject;
 *  - a modal or an adjective ("must", "unacceptable", "ready to") belongs to the
 *    speaker of the sentence ("X said", "according to X", "Tass quoted X as
 *    saying", or the speaker of the quotation this sentence continues);
 *  - a possessive noun ("his call for", "Trump's efforts to") to the possessor.
 * Negation close before the cue turns support into opposition ("will not back",
 * "does not support"); "in exchange for", "provided that", "prepared to
 * discuss" make a stance conditional. Reported speech belongs to the speaker,
 * never to the agency that reports it.
 */

/** A position as the rules find it, with the rule's name for --explain. */
export type PositionDraft = ExtractedPosition & { rule: string };

type Ctx = { sentences: (SentenceCtx & { dates: DateExpr[] })[]; table: ActorTable; refDate: string | undefined };

interface Cue {
  at: number;
  len: number;
  stance: Stance;
  /** whose stance: the clause subject (verb), the speaker (modal/adjective), the possessor (noun) */
  by: 'subject' | 'speaker' | 'possessor';
  words: string;
}

// Cues, tried in order within a clause; the first found wins. Patterns are over lower-case tokens joined by spaces.
export const CUES: { re: RegExp; stance: Stance; by: Cue['by'] }[] = [
  // conditions first: "prepared to discuss X in exchange for Y", "willing to ... but wanted ... in exchange"
  { re: /\b(in exchange for|in return for|provided that|on condition that|on the condition that|as long as|only if|under advisement)\b/, stance: 'conditional', by: 'speaker' },
  { re: /\b(willing|prepared|ready) to (discuss|consider|negotiate|dismantle|accept|compromise|talk)\b/, stance: 'conditional', by: 'speaker' },
  { re: /\bneed to [a-z ]{0,60}\bbefore (beginning|starting|participating|joining|holding|resuming|any)\b/, stance: 'conditional', by: 'speaker' },
  // opposition
  { re: /\b(rejects?|rejected|rejecting|refuses?|refused|refusing|opposes?|opposed|opposing|blasted|blasts|condemned|condemns|denounced|denounces|criticized|criticised|criticizes|criticises|disput(ed|es|ing)|accused|accuses|accusing|dismissed|dismisses|slammed|slams|vetoed|ruled out|rules out)\b/, stance: 'opposes', by: 'subject' },
  { re: /\b(unacceptable|not acceptable|non-negotiable|doomed|a non-starter|out of the question)\b/, stance: 'opposes', by: 'speaker' },
  { re: /\b(can't|cannot|can not|couldn't|could not|won't|will not|would not|does not|do not|did not|is not|are not|was not|were not|not) (agree|accept|support|back|recogni[sz]e|endorse|have|allow|tolerate|do that|prepared to do|be part)\b/, stance: 'opposes', by: 'speaker' },
  { re: /\bnot about\b/, stance: 'opposes', by: 'speaker' },
  { re: /\b(scepticism|skepticism|sceptical|skeptical|concern|concerns|opposition) (about|over|of|to|at)\b/, stance: 'opposes', by: 'subject' },
  // demands
  { re: /\b(demands?|demanded|demanding|insists?|insisted|insisting|urges?|urged|urging|requests?|requested|requesting|called on|calls on|called for|calls for|calling for|pressed for|presses for|pushed for|wanted|wants|requires?|required|stressed the need|emphasi[sz]ed the need|underlined the need)\b/, stance: 'demands', by: 'subject' },
  { re: /\b(must|has to|have to|needs to|need to|should|are needed|is needed|the need for|the need to)\b/, stance: 'demands', by: 'speaker' },
  // proposals
  { re: /\b(propos(ed|es|e|ing)|offer(ed|s|ing)?|suggest(ed|s|ing)?|invit(ed|es|e|ing)|put forward|floated|preparing a meeting|present (their|its|a|his) (vision|plan|proposal))\b/, stance: 'proposes', by: 'subject' },
  { re: /\b(ready|willing|prepared) to host\b|\bwould (be ready to )?host\b/, stance: 'proposes', by: 'speaker' },
  // support
  { re: /\b(supports?|supported|supporting|backs|backed|backing|welcomed|welcomes|welcoming|endorsed|endorses|accepted|accepts|agreed|agrees|agreeing|approved|approves|favou?rs|favou?red|embraced|praised|hailed|committed to|commitment to|seeking|seeks|sought|aims to|considering|working on|appreciated)\b/, stance: 'supports', by: 'subject' },
  { re: /\b(acceptable|satisfied|grateful|positive|productive|constructive|important|benefit of|in the interest of|ready to continue|good news|optimistic about|a victory|the importance of)\b/, stance: 'supports', by: 'speaker' },
];

// the same patterns with the global flag, compiled once (findCue walks every match)
const CUES_G = CUES.map((c) => ({ ...c, re: new RegExp(c.re.source, 'g') }));
// per word: the cues a match can start with it (a bit per cue), and the cues with no such list
const CUE_FIRST = new Map<string, number>();
let UNGATED = 0;
if (CUES.length > 31) throw new Error('positions: more than 31 stance cues do not fit the cue bit masks');
CUES.forEach((c, ci) => {
  const words = c.re.flags.includes('i') ? undefined : firstWords(c.re.source);
  if (!words) UNGATED |= 1 << ci;
  else for (const w of words) CUE_FIRST.set(w, (CUE_FIRST.get(w) ?? 0) | (1 << ci));
});
// a sentence with none of these words holds no stance cue (a quick test before the clause work)
const ANY_CUE = new RegExp(CUES.map((c) => c.re.source).join('|') + String.raw`|\b(call|calls|demand|demands|insistence|request|appeal|efforts?|push|bid|drive|commitment|support|backing|proposal|plan|offer|initiative|proposals|rejection|opposition|refusal|objection)\b`);

// "his call for", "Trump's efforts to", "Russia's demand of"
const POSS_NOUN: { re: RegExp; stance: Stance }[] = [
  { re: /^(call|calls|demand|demands|insistence|request|appeal)$/, stance: 'demands' },
  { re: /^(efforts?|push|bid|drive|commitment|support|backing)$/, stance: 'supports' },
  { re: /^(proposal|plan|offer|initiative|proposals)$/, stance: 'proposes' },
  { re: /^(rejection|opposition|refusal|objection)$/, stance: 'opposes' },
];

const NEG = wordSet(['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot', "can't", "won't", "didn't", "doesn't", "don't", "isn't", "aren't", "wasn't", "weren't", "couldn't", "wouldn't", "shouldn't"]);
const FLIP: Partial<Record<Stance, Stance>> = { supports: 'opposes', opposes: 'supports' };

export function findPositions(ctx: Ctx): PositionDraft[] {
  const out: PositionDraft[] = [];
  let lastSpeaker: { refs: string[]; sentence: number } | undefined;
  let openQuote = false;
  for (const s of ctx.sentences) {
    if (!s.body) {
      openQuote = false;
      continue;
    }
    // -- who speaks in this sentence
    const startsQuoted = RE_OPENING_QUOTE.test(s.text) || openQuote;
    const sp = speakers(ctx, s);
    let speaker = sp[0]?.refs ?? [];
    if (!speaker.length && startsQuoted && lastSpeaker && s.index - lastSpeaker.sentence <= 4) speaker = lastSpeaker.refs;
    if (speaker.length) lastSpeaker = { refs: speaker, sentence: s.index };
    openQuote = quoteOpenAtEnd(s.text, openQuote);
    // -- clauses
    const found: PositionDraft[] = [];
    if (!ANY_CUE.test(s.text.toLowerCase().replace(/[’‘]/g, "'"))) continue;
    for (const [c0, c1] of clauses(s)) {
      const cue = findCue(s, c0, c1);
      if (!cue) continue;
      const near = [...sp].reverse().find((x) => x.at < cue.at) ?? sp[0];
      const cueSpeaker = near ? near.refs : speaker;
      const holders = holdersFor(ctx, s, cue, c0, cueSpeaker, found, near?.at ?? -1);
      if (!holders.length) continue;
      let stance = cue.stance;
      if (cue.by === 'subject' && negatedBefore(s, cue.at, c0)) {
        const f = FLIP[stance];
        if (!f) continue;
        stance = f;
      }
      const clauseText = s.text.slice(s.toks[c0]!.start - s.start, s.toks[c1 - 1]!.end - s.start).trim();
      for (const h of holders) {
        const a = ctx.table.actors.get(h);
        if (!a) continue;
        found.push({
          holder: h,
          stance,
          statement: clauseText.length >= 12 ? clauseText : s.text,
          ...issueField(clauseText),
          date: dateOf(ctx, s),
          evidence: { sentence: s.text, start: s.start, end: s.end },
          rule: `stance-${cue.by} "${cue.words}"`,
        });
      }
    }
    // one position per holder and clause; the same holder twice in a sentence only with different stances or issues
    for (const p of found) if (!out.some((q) => q.holder === p.holder && q.evidence.start === p.evidence.start && q.stance === p.stance && q.issue === p.issue)) out.push(p);
  }
  return out;
}

function issueField(text: string): { issue?: string } {
  const i = issueOf(text);
  return i ? { issue: i } : {};
}

function dateOf(ctx: Ctx, s: SentenceCtx & { dates: DateExpr[] }): string | null {
  const d = s.dates.find((x) => x.kind !== 'vague');
  return d ? resolveDate(d, ctx.refDate, false) : null;
}

/** Clause boundaries for stances: ";", "but", ", while", ", and that", "and we/he/she/they". */
function clauses(s: SentenceCtx): [number, number][] {
  const t = s.toks;
  const cuts: number[] = [0];
  for (let k = 1; k < t.length - 1; k++) {
    const w = t[k]!.lower;
    const next = t[k + 1]!.lower;
    const nextIsActor = s.owner[k + 1]! >= 0 && s.mentions[s.owner[k + 1]!]!.type !== 'place';
    const actorThenVerb = nextIsActor && (() => {
      const m = s.mentions[s.owner[k + 1]!]!;
      const v = t[m.t1]?.lower ?? '';
      return RE_ED.test(v) && !RE_OFFICIALS_FORCES.test(v) || RE_WILL_WOULD_HAS.test(v);
    })();
    const prevIsActor = s.owner[k - 1]! >= 0 && s.mentions[s.owner[k - 1]!]!.type !== 'place';
    if (w === ';' || (w === 'but' && k > 2) || (w === 'while' && nextIsActor) || (w === 'and' && (RE_THAT_WE_HE.test(next) || (actorThenVerb && !prevIsActor))) || (w === 'whereas'))
      cuts.push(k);
  }
  cuts.push(t.length);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) if (cuts[k + 1]! - cuts[k]! >= 2) out.push([cuts[k]!, cuts[k + 1]!]);
  return out;
}

/**
 * What findCue needs of a sentence, computed once: its lower-case tokens joined by spaces, where
 * each token starts in that string, and which cues occur in it at all. A clause's words are a
 * substring of the sentence's (with the same single spaces around it), so a cue absent from the
 * sentence is absent from every clause and is never tried there.
 */
interface CueScan {
  /** offset of token k in the sentence's joined words */
  offs: Int32Array;
  joined: string;
  /** per cue: 1 it occurs in the sentence, 0 it does not, -1 not yet known */
  present: Int8Array;
}
const cueScan = lastOnly((s: SentenceCtx): CueScan => {
  const { offs, joined } = lowerText(s.toks);
  // a cue none of whose first words is a word of the sentence is absent from it: never run
  let maybe = UNGATED;
  for (const t of s.toks) maybe |= cueBitsOf(t.lower);
  const present = new Int8Array(CUES.length);
  for (let ci = 0; ci < CUES.length; ci++) present[ci] = maybe & (1 << ci) ? -1 : 0;
  return { offs, joined, present };
});

/** The cues a match can start with a run of this token's word characters (the runs of wordRuns, read without a callback per token). */
function cueBitsOf(lower: string): number {
  let bits = 0;
  let start = -1;
  for (let k = 0; k <= lower.length; k++) {
    const c = k < lower.length ? lower.charCodeAt(k) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      bits |= CUE_FIRST.get(start === 0 && k === lower.length ? lower : lower.slice(start, k)) ?? 0;
      start = -1;
    }
  }
  return bits;
}

function findCue(s: SentenceCtx, c0: number, c1: number): Cue | undefined {
  const sc = cueScan(s);
  const joined = c1 > c0 ? sc.joined.slice(sc.offs[c0]!, sc.offs[c1]! - 1) : '';
  const base = sc.offs[c0]!;
  let best: Cue | undefined;
  for (let ci = 0; ci < CUES_G.length; ci++) {
    // a clause that is the whole sentence is searched at once; a part only for the cues of the whole
    if (sc.present[ci] === 0) continue;
    if (c0 > 0 || c1 < s.toks.length) {
      if (sc.present[ci] === -1) sc.present[ci] = CUES[ci]!.re.test(sc.joined) ? 1 : 0;
      if (sc.present[ci] === 0) continue;
    }
    const c = CUES_G[ci]!;
    const re = c.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(joined))) {
      // "unacceptable" is not "acceptable"; "not acceptable" has its own cue
      if (c.stance === 'supports' && RE_ACCEPTABLE.test(m[0]) && RE_UN_NOT_ACCEPTABLE.test(joined.slice(Math.max(0, m.index - 4), m.index + m[0].length))) continue;
      const at = tokenAt(sc.offs, base, c0, c1, m.index);
      if (!cueUsable(s, at, c.by)) continue;
      if (!best || at < best.at) best = { at, len: m[0].split(' ').length, stance: c.stance, by: c.by, words: m[0] };
      break;
    }
  }
  // "insist they will not back", "stressed that nothing could be agreed": the stance is in what is insisted
  if (best && RE_INSIST_INSISTS_INSISTED.test(best.words)) {
    const later = findCue(s, best.at + 1, c1);
    if (later) best = { ...later, by: later.by === 'subject' ? 'speaker' : later.by };
  }
  if (best) {
    // a condition anywhere in the clause makes the stance conditional: "prepared to discuss X in exchange for Y"
    if (best.stance !== 'opposes' && RE_IN_EXCHANGE_FOR.test(joined)) best.stance = 'conditional';
    return best;
  }
  // possessive nouns: "his call for direct talks", "Trump's efforts to deport"
  for (let k = c0 + 1; k < c1; k++) {
    const pn = POSS_NOUN.find((p) => p.re.test(s.toks[k]!.lower));
    if (!pn) continue;
    let q = k - 1;
    while (q > c0 && RE_RENEWED_REPEATED_LATEST.test(s.toks[q]!.lower)) q--;
    if (s.toks[q]!.text === "'s" || RE_HIS_HER_THEIR.test(s.toks[q]!.lower)) return { at: k, len: 1, stance: pn.stance, by: 'possessor', words: `${s.toks[q]!.text} ${s.toks[k]!.text}` };
  }
  return undefined;
}

/** Token index of a character offset in a clause's joined words (the first token starting at or after it). */
function tokenAt(offs: Int32Array, base: number, c0: number, c1: number, charIdx: number): number {
  for (let k = c0; k < c1; k++) if (offs[k]! - base >= charIdx) return k;
  return c1 - 1;
}

/** Words that are verbs and nouns alike ("demands", "support") count as verbs only after a subject, an auxiliary or an adverb. */
const NOUN_TOO = wordSet(['support', 'supports', 'backs', 'demands', 'demand', 'calls', 'call', 'offers', 'offer', 'requests', 'request', 'concerns', 'concern', 'proposals', 'efforts', 'commitment', 'opposition', 'scepticism', 'skepticism', 'want', 'wants', 'rejects', 'accepts', 'considering', 'working']);
function cueUsable(s: SentenceCtx, at: number, by: Cue['by']): boolean {
  const t = s.toks[at]!;
  if (s.owner[at]! >= 0) return false; // "Rapid Support Forces"
  const prev = s.toks[at - 1];
  const pl = prev?.lower ?? '';
  if (by === 'subject') {
    // "a proposed plan", "its support", "respective demands"
    if (RE_AN_THE_ITS.test(pl)) return false;
    // "guarantees proposed in the initial plan": a participle after a noun
    if (RE_ED_2.test(t.lower) && prev && prev.kind === 'word' && !prev.cap && RE_S.test(pl) && RE_IN_BY_AT.test(s.toks[at + 1]?.lower ?? '')) return false;
    // "had been requested by", "was rejected": a passive
    if (RE_BEEN_BE_BEING.test(pl) && RE_ED_2.test(t.lower)) return false;
    // "suggested that": reporting, not proposing
    if (RE_SUGGEST.test(t.lower) && s.toks[at + 1]?.lower === 'that') return false;
    if (NOUN_TOO.test(t.lower) && prev && !(s.owner[at - 1]! >= 0 || RE_HE_SHE_IT.test(pl) || RE_LY.test(pl))) return false;
  }
  return true;
}

function negatedBefore(s: SentenceCtx, at: number, c0: number): boolean {
  for (let k = at - 1; k >= Math.max(c0, at - 3); k--) if (NEG.test(s.toks[k]!.lower) || RE_N_T.test(s.toks[k]!.lower)) return true;
  return false;
}

/** Every speaker of a sentence with the token where the speaking is said. */
function speakers(ctx: Ctx, s: SentenceCtx): { at: number; refs: string[] }[] {
  const out: { at: number; refs: string[] }[] = [];
  const t = s.toks;
  for (let k = 0; k < t.length; k++) {
    const w = t[k]!.lower;
    // "Tass quoted Putin as saying": the one quoted
    if (w === 'quoted' && t[k + 1]) {
      const o = s.owner[k + 1]!;
      if (o >= 0) {
        const r = refOfMention(ctx, s, outerOf(s, s.mentions[o]!));
        if (r) out.push({ at: k, refs: [r] });
      }
    }
    if (w === 'according' && t[k + 1]?.lower === 'to') {
      const o = s.owner[k + 2] ?? -1;
      const o2 = s.owner[k + 3] ?? -1;
      const m = o >= 0 ? s.mentions[o] : o2 >= 0 && t[k + 2]!.lower === 'the' ? s.mentions[o2] : undefined;
      if (m && m.type !== 'media') {
        const r = refOfMention(ctx, s, outerOf(s, m));
        if (r) out.push({ at: k, refs: [r] });
      }
    }
  }
  for (let k = 0; k < t.length; k++) {
    const w = t[k]!.lower;
    if (s.owner[k]! >= 0) continue; // "United States" is no verb
    if (!SAY_VERBS.has(w) && !RE_STRESSED_INSISTED_INSIST.test(w)) continue;
    const sub = subjectOf(ctx as never, s, k, 0);
    const subj = sub.inherited ? [] : personsFirst(ctx, sub.refs.filter((r) => ctx.table.actors.get(r)));
    if (subj.length) {
      out.push({ at: k, refs: subj });
      continue;
    }
    // "A spokesman for Iran's foreign ministry said": the nearest actor before the verb
    for (let q = k - 1; q >= Math.max(0, k - 8); q--) {
      const o = s.owner[q]!;
      if (o < 0) continue;
      const m = outerOf(s, s.mentions[o]!);
      if (m.type === 'media' || m.type === 'place' || isPlaceUse(s, m)) break;
      if (isModifierUse(s, m)) continue; // "the original Trump plan"
      const r = refOfMention(ctx, s, m);
      if (r) {
        out.push({ at: k, refs: [r] });
        break;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

// (the helpers below are module-level functions, not closures: under the transform that runs this
// code, every named closure costs a property definition each time it is made)
function personsFirst(ctx: Ctx, refs: string[]): string[] {
  const ps = refs.filter((r) => ctx.table.actors.get(r)?.kind === 'person');
  return ps.length ? ps : refs;
}

function refOfMention(ctx: Ctx, s: SentenceCtx, m: Mention): string | undefined {
  if (m.type === 'media' || m.type === 'place') return undefined;
  void s;
  return ctx.table.refOf.get(m);
}

/** Who holds the stance of a cue. */
function holdersFor(ctx: Ctx, s: SentenceCtx, cue: Cue, c0: number, speaker: string[], found: PositionDraft[], spokeAt = -1): string[] {
  if (cue.by === 'possessor') {
    const q = cue.at - 1;
    const w = s.toks[q]!.lower;
    if (w === 'his' || w === 'her') {
      const r = lastPerson(ctx, s, q);
      return r ? [r] : [];
    }
    if (w === 'their') return previousPair(ctx as never, s, q);
    if (w === 'its') return [];
    const o = s.owner[q - 1] ?? -1;
    if (o < 0) return [];
    const m = outerOf(s, s.mentions[o]!);
    const r = refOfMention(ctx, s, m);
    return r ? [r] : [];
  }
  // "had been requested by the U.S. government": the agent
  if (cue.by === 'subject' && s.toks[cue.at + cue.len]?.lower === 'by') {
    const o = s.owner[cue.at + cue.len + 1] ?? s.owner[cue.at + cue.len + 2] ?? -1;
    const o2 = o >= 0 ? o : (s.owner[cue.at + cue.len + 2] ?? -1);
    if (o2 >= 0) {
      const r = refOfMention(ctx, s, outerOf(s, s.mentions[o2]!));
      if (r) return [r];
    }
  }
  // the subject of the cue's verb (walking back over auxiliaries and adverbs)
  const sub = subjectOf(ctx as never, s, cue.at, c0);
  let subj = sub.refs.filter((r) => ctx.table.actors.get(r));
  // "Araghchi said the two countries agreed": inherited subjects of reported speech are the speaker's
  if (sub.inherited && speaker.length && spokeAt >= 0 && spokeAt < cue.at) return speaker;
  const w0 = s.toks[cue.at - 1]?.lower ?? '';
  const we = RE_WE_OUR.test(w0) || RE_WE.test(s.toks[cue.at - 2]?.lower ?? '');
  if (!subj.length && cue.by === 'subject') {
    // participle or relative clause: "Turkey, ..., refusing to join sanctions"; "European allies, who ..., insist"
    if (we && speaker.length) return speaker;
    // only a subject that opens the clause or the sentence: "European allies, who ..., insist"
    const first = leadActor(ctx, s, c0, cue.at) ?? (found.length ? found[found.length - 1]!.holder : undefined) ?? leadActor(ctx, s, 0, cue.at);
    subj = first ? [first] : [];
    if (!subj.length && speaker.length) subj = speaker;
  }
  if (cue.by === 'speaker') {
    if (speaker.length) {
      // "Hughes said President Trump has been clear that ...": a named person inside the report holds it
      const inner = spokeAt >= 0 && spokeAt < cue.at ? firstActor(ctx, s, spokeAt + 1, cue.at, true) : undefined;
      if (inner && !speaker.includes(inner) && ctx.table.actors.get(inner)?.kind === 'person' && !speaker.some((sp) => ownCountry(ctx, sp) === inner)) return [inner];
      return speaker;
    }
    if (we) return [];
    return subj.length ? subj : [];
  }
  // reported speech: "Araghchi said the two countries agreed" — the speaker, when the subject is his own side
  if (speaker.length && subj.length) {
    const mine = new Set(speaker.flatMap((sp) => [sp, ownCountry(ctx, sp)].filter(Boolean) as string[]));
    if (subj.some((r) => mine.has(r)) || we) return speaker;
  }
  if (!subj.length && we && speaker.length) return speaker;
  return subj;
}

function ownCountry(ctx: Ctx, ref: string): string | undefined {
  const a = ctx.table.actors.get(ref);
  return a?.affiliation?.type === 'country' ? `country:${a.affiliation.key}` : undefined;
}

/** The first actor from token a, when it opens the span there (within three tokens). */
function leadActor(ctx: Ctx, s: SentenceCtx, a: number, before: number): string | undefined {
  const r = firstActor(ctx, s, a, before);
  const m = s.mentions.find((x) => ctx.table.refOf.get(x) === r && x.t0 >= a);
  return m && Math.min(m.titleT0, m.t0) <= a + 3 ? r : undefined;
}

/** A sentence's mentions in text order, sorted once. */
const mentionsInOrder = lastOnly((s: SentenceCtx): Mention[] => [...s.mentions].sort((x, y) => x.t0 - y.t0));

/** The first actor named between tokens a and b (skipping places, media and modifiers). */
function firstActor(ctx: Ctx, s: SentenceCtx, a: number, b: number, personsOnly = false): string | undefined {
  for (const m0 of mentionsInOrder(s)) {
    if (m0.t0 < a || m0.t0 >= b) continue;
    const m = outerOf(s, m0);
    if (m.type === 'media' || m.type === 'place' || isModifierUse(s, m)) continue;
    if (m.type === 'country' && (isPlaceUse(s, m) || s.toks[m.t1]?.text === "'s" || (m.via === 'demonym' && !m.groupNoun))) continue;
    if (personsOnly && m.type !== 'person') continue;
    const r = ctx.table.refOf.get(m);
    if (r) return r;
  }
  return undefined;
}

function quoteOpenAtEnd(text: string, open: boolean): boolean {
  for (const ch of text) {
    if (ch === '“') open = true;
    else if (ch === '”') open = false;
    else if (ch === '"') open = !open;
  }
  return open;
}
