import type { Evidence, MeetingMode, MeetingStatus } from '@kg/graph-schema';
import type { ActorTable, SentenceCtx } from './actors';
import { resolveDate, type DateExpr } from './dates';
import { KB } from './knowledge';
import { lowerSpan, wordSet } from './memo';
import { NON_PERSON_HEADS, PLACE_PREPS, SAY_VERBS, SPEECH_VERBS } from './lexicon';
import { newMention, type Mention } from './mentions';
import { presenceIn } from './presence';

// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_SPEAKING_TALKING = /^(speaking|talking)$/;
const RE_SITTING_SAT_SEATED = /^(sitting|sat|seated)$/;
const RE_BY_PHONE_ON = /\b(by phone|on the phone|by telephone|by video)\b/i;
const RE_HOSTED_HOST_HOSTS = /^(hosted|host|hosts|hosting|attended|attend)$/;
const RE_WELCOMED_GREETED_RECEIVED = /^(welcomed|greeted|received)$/;
const RE_BY_PERSONALLY = /^(by|personally)$/;
const RE_MET_MEET_MEETS = /^(met|meet|meets|hosted|host|hosts|received|welcomed|greeted|visited|visit|visits|visiting|phoned|across)$/;
const RE_VISIT = /^visit/;
const RE_THE_THESE_THOSE = /^(the|these|those|this|that)$/;
const RE_AN_ANOTHER = /^(a|an|another)$/;
const RE_DURING_AT_IN = /^(during|at|in|after|following|on)$/;
const RE_PARTICIPATE_ATTEND_JOIN = /^(participate|attend|join)$/;
const RE_TO_TAKE = /^(to|take)$/;
const RE_INVITED_INVITES_INVITE = /^(invited|invites|invite|urged|asked|called on)$/;
const RE_VISIT_TRIP = /^(visit|trip)$/;
const RE_MEDIATED_BROKERED_HOSTED = /mediated|brokered|hosted|sponsored|led/;
const RE_ATTENDED_CHAIRED_MEDIATED = /^(attended|chaired|mediated|hosted|led|brokered|welcomed|facilitated|moderated|joined|co-chaired)$/;
const RE_ATTENDED_CHAIRED_MEDIATED_2 = /^(attended|chaired|mediated|hosted|led|welcomed)$/;
const RE_CHAIRED_MEDIATED_HOSTED = /^(chaired|mediated|hosted|brokered|facilitated|moderated)$/;
const RE_ED = /ed$/;
const RE_MEDIATOR_HOST_FACILITATOR = /^(mediator|host|facilitator|broker)$/;
const RE_ATTENDED_ATTEND = /^(attended|attend)$/;
const RE_PHONE_TELEPHONE_PHONED = /\b(phone|telephone|phoned|call|video ?link|videoconference|video conference|virtual|virtually|by video)\b/i;
const RE_CALLED_FOR = /\bcalled for\b/i;
const RE_MET_MEET_MEETS_2 = /^(met|meet|meets|visit|visited|visiting|summit|hosted|face|across)$/;
const RE_VISIT_VISITED_VISITS = /^(visit|visited|visits|visiting|trip)$/;
const RE_ROUND_ROUNDS_TALKS = /^(round|rounds|talks|negotiations)$/;
const RE_ONE_TWO_THREE = /\d|one|two|three|four|five|six|seven|eight|nine|ten/i;
const RE_SIMILAR_PREVIOUS_SEPARATE = /^(similar|previous|separate|other|earlier)$/;
const RE_FIRST_SECOND_THIRD = /^(first|second|third|fourth|fifth)$/;
const RE_FIRST_SECOND_THIRD_2 = /^(first|second|third|fourth|fifth|next|another|previous|earlier|latest|new|similar|separate|other)$/;
const RE_THE_AN_OF = /^(the|a|an|of|,|;|and)$/;
const RE_THE_AN = /^(the|a|an)$/;
const RE_MONDAY_TUESDAY_WEDNESDAY = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i;
const RE_DELEGATION_TEAM_COUNTERPART = /delegation|team|counterpart|negotiators|side\b/;
const RE_DELEGATION_TEAM_COUNTERPART_2 = /^(delegation|team|counterpart|negotiators|side)$/;
const RE_LED_LEADS_LEADING = /\b(led|leads|leading|heads|headed|heading|head|included|including|includes|members?|chief|counterpart)\b/i;
const RE_INCLUDED_INCLUDING_INCLUDES = /^(included|including|includes|comprising|comprised)$/;
const RE_THAT_BETWEEN_WITH = /^(that|between|with|said|told|across|from|met|meets|meeting|sitting|facing|opposite|against|versus|to)$/;
const RE_COUNTRY = /^country:/;
const RE_FOREIGN_MINISTER_DEFEN = /(foreign minister|defen[cs]e minister|secretary of state|secretary of defen[cs]e|national security advis[eo]r|prime minister|president|envoy)/i;
const RE_NEWS_PRESS_VIDEO = /^(news|press|video)$/;
const RE_PHONE_TELEPHONE_VIDEO = /^(phone|telephone|video|a|the)$/;
const RE_PHONE_TELEPHONE_VIDEO_2 = /^(phone|telephone|video)$/;
const RE_FOR = /^(for)$/;
const RE_OF = /^(of)$/;
const RE_FIRST_SECOND_THIRD_3 = /^(first|second|third|fourth|fifth|next|latest|new|another)$/;
const RE_MARATHON_NEGOTIATING_CLOSED = /^(marathon|negotiating|closed-door|plenary|their|his|the)$/;
const RE_DISCUSSION_DISCUSSIONS = /^(discussion|discussions)$/;
const RE_UNDER_IN = /^(under|in)$/;
const RE_DIRECT_HIGH_LEVEL = /^(direct|high-level|strategic|bilateral)$/;
const RE_TABLE_ROUND_SESSION = /^(table|round|session)$/;
const RE_TALKS_NEGOTIATIONS = /^(talks|negotiations)$/;
const RE_PEACE_CEASEFIRE_CEASE = /^(peace|ceasefire|cease-fire)$/;
const RE_PROCESS = /^(process)$/;
const RE_ROOM_PLACE_POINT = /^(room|place|point|venue|experience|table|format|schedule)$/;
const RE_TALKS = /^(talks)$/;
const RE_IS_ARE_WAS = /^(is|are|was|were|been|be)$/;
const RE_VISIT_VISITS = /^(visit|visits)$/;
const RE_TO_WILL_WOULD = /^(to|will|would|to|plans|plan)$/;
const RE_TO_WILL = /^(to|will)$/;
const RE_RECEIVED_WELCOMED_GREETED = /^(received|welcomed|greeted)$/;
const RE_HOSTED_HOST_HOSTS_2 = /^(hosted|host|hosts|hosting)$/;
const RE_TALKED_NEGOTIATED_NEGOTIATE = /^(talked|negotiated|negotiate|negotiating|consult|consulted|consulting)$/;
const RE_GATHERED_GATHER_CONVENED = /^(gathered|gather|convened|convene|convenes)$/;
const RE_LONGER = /^(longer)$/;
const RE_AGREED = /^(agreed)$/;
const RE_COMMA = /^(,)$/;
const RE_THE_BOTH_HIS = /^(the|a|both|his|her)$/;
const RE_AND_BUT_WHILE = /^(and|but|while|citing|according|adding|saying|with|who|which)$/;
const RE_BETWEEN_BY_ABOUT = /^(between|by|about|on|over|to|for|that|said)$/;
const RE_AND_BOTH_AS = /^(and|&|both|as|well|including|from)$/;
const RE_WHICH_WHO_WHOSE = /^(which|who|whose|said|told|according|the|a|an|his|her)$/;
const RE_THE_AN_HIS = /^(the|a|an|his|her)$/;
const RE_HEAD_CHIEF_LEADER = /^(head|chief|leader|members?|of)$/;
const RE_NINE_PERSON_PERSON = /^(\d+|nine-person|[a-z]+-person|[a-z]+-member)$/;
const RE_TEAM_SIDE_DELEGATION = /^(team|side|delegation|delegations|officials|delegates|envoys|leaders|representatives|negotiators|chiefs|counterpart|counterparts|administration)$/;
const RE_ADMINISTRATION_GOVERNMENT_CAMPAIGN = /^(administration|government|campaign|era|camp|plan|peace|loyalists|supporters|allies|ally|aides|family|team)$/;
const RE_AND_OR_ON = /^(and|or|on|in|at|to|for|with|by|from|as|after|before|last|this|next|earlier|later|where|which|who|that|since|until|during|over|under|amid|is|was|were|are|has|had|have)$/;
const RE_THE_HISTORIC_NORTHERN = /^(the|historic|northern|southern|eastern|western|central|capital|city|of)$/;
const RE_CITY_CAPITAL_OUTSKIRTS = /^(city|capital|outskirts|town|suburbs|streets|centre|center)$/;
const RE_MONDAY_TUESDAY_WEDNESDAY_2 = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;
const RE_SIDES_COUNTRIES_LEADERS = /^(sides|countries|leaders|men|delegations|governments|nations|parties)$/;
const RE_TWO_BOTH_THE = /^(two|both|the)$/;
const RE_LEADERS_MEN = /^(leaders|men)$/;
const RE_COUNTRIES_NATIONS_GOVERNMENTS = /^(countries|nations|governments)$/;
const RE_ALONG_WITH_TOGETHER = /^(along with|together with|as well as|including|like|unlike|who|which|whose|while)\b/;
const RE_THE_AN_ANOTHER = /^(the|a|an|another|these|those|this|that|their|his|her|its)$/;
const RE_AND_WITH_OF = /^(,|;|and|with|of)$/;
const RE_AND_WITH_OF_2 = /^(,|;|and|with|of|the|a|an|in|at|on)$/;
const RE_THE_TWO_BOTH = /^(the two|both) /;
const RE_WHICH_THAT = /^(, )?(which|that) /;
const RE_RESUMPTION_OF_TO = /\b(resumption of|to facilitate|to resume|to prepare for)\b/;
const RE_BEFORE_AHEAD_OF = /\b(before|ahead of)( \S+){0,5}$/;
const RE_TALKS_NEGOTIATIONS_MEETING = /^(talks|negotiations|meeting|summit|round|consultations)$/;
const RE_THE_THOSE_THESE = /\b(the|those|these)$/;
const RE_CANCEL_ED_CALLED = /\b(cancel+ed|called off|postponed|scrapped|suspended)\b/;
const RE_CALLS_CALLED_CALLING = /\b(calls?|called|calling) for\b|\bpropos(ed|es|ing|al)\b|\boffer(ed|s)? to host\b|\brequest(ed|s)?\b|\bpossibility of\b|\b(ready|willing|prepared) to (meet|host|hold)\b|\bunless\b|\bonce\b|(?<!asked )\bif\b|\binvit(ed|es|ation)\b|\bfuture\b|\bpotential\b|\bpush(ed|ing)? for\b|\bseek(s|ing)?\b|\bwants? to meet\b|\bcould\b|\bpick up the phone\b/;
const RE_HELD_MET_TOOK = /\b(held|met|took place)\b/;
const RE_WILL_WOULD_SHALL = /\b(will|would|shall|set to|scheduled|expected to|plans? to|planned|planning|due to|is to|are to|upcoming|next week|later this|another round|arranged|ahead of|preparing|to be held|to start|to begin|agreed to (have|hold|meet)|to attend|to consult|to host|to meet|tomorrow)\b/;
const RE_AHEAD_OF = /\b(ahead of)\b/;
const RE_WILL_WOULD_SET = /\b(will|would|set to|scheduled)\b/;
const RE_MET_HELD_HOSTED = /\b(met|held|hosted|convened|concluded|wrapped up|took place)\b/;
const RE_WILL_WOULD_SET_2 = /\b(will|would|set to|to be held)\b/;
const RE_WHICH_THAT_2 = /^(,|which|that)$/;
const RE_WHICH_THAT_ARE = /^(which|that|are|is)$/;
const RE_BETWEEN_WITH = /^(between|with)$/;
const RE_CLAUSE_PUNCT = /^[,;:]$/;
const RE_WHICH_THAT_3 = /^(which|that)$/;
const RE_IN_AT = /^(in|at)$/;
const RE_HOSTED_HOSTS_HOST = /^(hosted|hosts|host)$/;
const RE_VISIT_VISITED_VISITS_2 = /^(visit|visited|visits|visiting)$/;
const RE_ABOUT_AROUND_NEARLY = /\b((?:about|around|nearly|almost|more than|over|some)\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few)[\s-](hours?|days?|minutes?)\b/i;
const RE_MULTI_HOUR_MULTI = /\b(multi-?hour|multi-?day|hours-long|hours long|marathon)\b/i;
const RE_ENDED_CONCLUDED_FINISHED = /\b(ended|concluded|finished|wrapped up)\s+(with(?:out)?\s+[^,.;]{3,40})/i;
const RE_NO_BREAKTHROUGH_AGREEMENT = /\b(no (?:breakthrough|agreement|deal|compromise)[^,.;]{0,30}|(?:reached|struck|signed) (?:an? )?(?:agreement|deal|accord)[^,.;]{0,30}|agreed to [^,.;]{3,50})/i;

/**
 * Stage 4, "meetings": finds talks, summits, visits, negotiation rounds and
 * calls, who took part, when, where, and whether they were held, are
 * planned, were only proposed, or were cancelled. Sentences that speak of
 * the same meeting ("the talks", "the meeting at the palace") are merged
 * into one meeting per article.
 */

export interface MeetingDraft {
  participants: Set<string>;
  /** actors that only hosted, mediated or chaired, kept with a role */
  roles: Map<string, string>;
  date: string | null;
  dateText: string;
  status: MeetingStatus;
  mode: MeetingMode;
  place?: { name: string; country?: string; specific: number };
  duration?: string;
  outcome?: string;
  evidence: Evidence[];
  sentences: number[];
  /** the words that started it, for --explain */
  trigger: string;
  rule: string;
  /** merged from anaphoric mentions only (no participant of its own) */
  ordinal?: string;
}

export interface SentenceDates {
  dates: DateExpr[];
}

interface Ctx {
  sentences: (SentenceCtx & SentenceDates)[];
  table: ActorTable;
  refDate: string | undefined;
  datelineCity?: string;
}

// verbs that mean a meeting took (or will take) place between their subject and object
const MEET_VERBS = wordSet(['met', 'meet', 'meets', 'meeting', 'convened', 'convene', 'convenes', 'gathered', 'gather', 'negotiated', 'negotiate', 'negotiating', 'consult', 'consulted', 'consulting', 'talked', 'phoned', 'visited', 'visit', 'visits', 'visiting', 'hosted', 'host', 'hosts', 'hosting', 'received', 'welcomed', 'greeted']);
// nouns for meetings
const MEET_NOUNS = wordSet(['talks', 'meeting', 'meetings', 'summit', 'summits', 'negotiations', 'round', 'consultations', 'discussions', 'discussion', 'call', 'visit', 'trip', 'engagement', 'session', 'conference', 'dialogue', 'negotiating', 'conversation']);
// verbs that take a meeting noun as object, with the participants as subject
const HOLD_VERBS = wordSet(['held', 'hold', 'holds', 'holding', 'began', 'begin', 'begins', 'started', 'start', 'concluded', 'conclude', 'wrapped', 'wrap', 'resumed', 'resume', 'opened', 'had', 'have', 'has', 'attended', 'attend', 'attends', 'led', 'chaired', 'hosted', 'host', 'hosts', 'completed', 'ended', 'continued', 'joined', 'launched', 'entered', 'kicked']);
const AUX = wordSet(['has', 'have', 'had', 'will', 'would', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'also', 'later', 'then', 'reportedly', 'already', 'finally', 'first', 'again', 'to', 'set', 'due', 'expected', 'scheduled', 'planning', 'plan', 'plans', 'planned', 'going', 'could', 'can', 'may', 'might', 'shall', 'should', 'must', 'not', 'never', 'just', 'recently', 'previously', 'on', 'late', 'early', '",', 'last', 'this', 'next', 'came', 'come', 'comes', 'coming', 'sat', 'sitting', 'seated', 'filmed', 'seen', 'pictured', 'photographed', 'shown', 'personally', 'directly', 'briefly', 'formally', 'finally', 'separately', 'jointly', 'agreed', 'agree', 'agrees', 'decided', 'decide', 'want', 'wants', 'hope', 'hopes', 'expect', 'expects', 'sought', 'seek', 'seeks']);
const DETS = wordSet(['the', 'a', 'an', 'both', 'all', 'two', 'three', 'four', 'several', 'senior', 'top', 'high-level', 'its', 'his', 'her', 'their', 'our', 'other', 'warring', 'various', 'visiting', 'rival', 'respective', 'some', 'many', 'foreign', 'national', 'security', 'intelligence', 'military', 'government', 'state', 'official', 'high', 'level', 'representative', 'representatives', 'of']);

const STOP = wordSet([';', ':', '(', ')', '"', '“', '”', '—', '–', '--']);
const OPENERS = wordSet(['after', 'because', 'although', 'though', 'since', 'until', 'unless', 'whether', 'when', 'whenever', 'where', 'which', 'who', 'whom', 'whose', 'despite', 'amid', 'following', 'while', 'but', 'so', 'whereas', 'if', 'once', 'before', 'as']);

export function findMeetings(ctx: Ctx): MeetingDraft[] {
  const drafts: MeetingDraft[] = [];
  for (const s of ctx.sentences) {
    if (!s.body) continue;
    const found = sentenceMeetings(ctx, s);
    for (const f of found) integrate(ctx, drafts, f);
  }
  joinPresent(ctx, drafts);
  return finish(ctx, drafts);
}

/** People placed at a meeting by a sentence of their own (presence.ts): to that sentence's meeting, or the article's. */
function joinPresent(ctx: Ctx, drafts: MeetingDraft[]): void {
  const main = drafts.filter((d) => d.status === 'held' || d.status === 'planned').sort((a, b) => b.sentences.length - a.sentences.length)[0];
  for (const s of ctx.sentences) {
    if (!s.body) continue;
    const hit = presenceIn(s, ctx.table, isSpeaker);
    if (!hit) continue;
    const own = drafts.find((m) => m.sentences.includes(s.index));
    // "will lead the Indian delegation at the 2+2 talks": a meeting named apart is not the article's
    const d = own ?? (namesOtherMeeting(s.text, main) ? undefined : main);
    if (!d) continue;
    // "X will lead the delegation" belongs to a meeting to come, "X led" to one held
    if ((d.status === 'planned') !== RE_FUTURE_PRESENCE.test(s.text)) continue;
    for (const r of hit.refs) {
      d.participants.add(r);
      if (hit.cue.role && !d.roles.has(r)) d.roles.set(r, hit.cue.role);
    }
    if (!d.sentences.includes(s.index)) {
      d.sentences.push(s.index);
      d.evidence.push({ sentence: s.text, start: s.start, end: s.end });
    }
    d.rule = d.rule.includes(hit.cue.name) ? d.rule : `${d.rule} + ${hit.cue.name}`;
  }
}

interface Found {
  d: MeetingDraft;
  anaphoric: boolean;
  indefinite: boolean;
  /** participants found only through "the two sides", "they" */
  inherited: boolean;
  /** a visit: one side travels; it joins another meeting only in the same place */
  visit?: boolean;
  dateExpr?: DateExpr;
}

// a sentence without any of these words has no meeting (a quick test before the token work)
const ANY_TRIGGER = /\b(conversation|talks|meet\w*|met|summit|negotiat\w*|round|consult\w*|discussions?|call|visit\w*|trip|engagement|session|conference|dialogue|convene\w*|gather\w*|phoned|host\w*|received|welcomed|greeted|face|across|spoke|speaking|talking|talked)\b/i;

function sentenceMeetings(ctx: Ctx, s: SentenceCtx & SentenceDates): Found[] {
  if (!ANY_TRIGGER.test(s.text)) return [];
  const toks = s.toks;
  const n = toks.length;
  const out: Found[] = [];
  const used = new Set<number>(); // trigger tokens consumed
  const claimedByBetween = new Set<Mention>();
  // of the whole sentence: read once, for the first meeting found in it
  let duration: { duration?: string } | undefined;
  let outcome: { outcome?: string } | undefined;
  for (let i = 0; i < n; i++) {
    if (used.has(i)) continue;
    const w = toks[i]!.lower;
    let kind: 'verb' | 'noun' | undefined;
    if (MEET_NOUNS.test(w) && !isExcludedNoun(s, i)) kind = 'noun';
    else if (MEET_VERBS.test(w) && isMeetVerb(s, i)) kind = 'verb';
    else if (w === 'face' && toks[i + 1]?.lower === 'to' && toks[i + 2]?.lower === 'face') kind = 'verb';
    else if (RE_SPEAKING_TALKING.test(w) && toks[i - 2]?.lower === 'and' && s.owner[i - 1]! >= 0 && s.mentions[s.owner[i - 1]!]!.type === 'person' && s.owner[i - 3]! >= 0 && s.mentions[s.owner[i - 3]!]!.type === 'person') kind = 'verb';
    else if ((w === 'across' && RE_SITTING_SAT_SEATED.test(toks[i - 1]?.lower ?? '')) || (w === 'spoke' && RE_BY_PHONE_ON.test(s.text))) kind = 'verb';
    if (!kind) continue;
    // "hosted the first round of negotiations", "Hosting the meeting": the noun is the trigger
    if (kind === 'verb' && RE_HOSTED_HOST_HOSTS.test(w) && toks.slice(i + 1, i + 6).some((t) => MEET_NOUNS.test(t.lower))) continue;
    used.add(i);
    if (kind === 'noun') for (let k = i + 1; k < Math.min(n, i + 4); k++) if (MEET_NOUNS.test(toks[k]!.lower) || toks[k]!.lower === 'of') used.add(k);
    const [c0, c1] = clause(s, i);
    if (negated(s, i, c0)) continue;
    const parts = new Set<string>();
    const roles = new Map<string, string>();
    let anaphoric = false;
    let indefinite = false;
    let inherited = false;
    // -- participants
    const between = findWord(s, i + 1, Math.min(n, i + 8), 'between');
    if (between >= 0 && kind === 'noun') {
      const ms = npList(ctx, s, between + 1, n);
      ms.forEach((m) => claimedByBetween.add(m));
      addRefs(ctx, s, ms, parts);
      if (!ms.length) inheritPair(ctx, s, between + 1, parts) && (inherited = true);
    }
    const withAt = findWithAfter(s, i + 1, n);
    if (withAt >= 0) addRefs(ctx, s, npList(ctx, s, withAt + 1, n), parts);
    if (kind === 'verb') {
      const subj = subjectOf(ctx, s, i, c0);
      if (subj.inherited) inherited = true;
      subj.refs.forEach((r) => parts.add(r));
      // "welcomed personally by President Erdogan": the host of the meeting being told about
      if (RE_WELCOMED_GREETED_RECEIVED.test(w) && RE_BY_PERSONALLY.test(toks[i + 1]?.lower ?? '')) anaphoric = true;
      // "met a Russian delegation", "hosted Putin", "visited Tehran", "sitting across from the US delegation"
      if (withAt < 0 && RE_MET_MEET_MEETS.test(w)) {
        const objMs = npList(ctx, s, i + 1, c1);
        if (RE_VISIT.test(w)) {
          // a visit's object is its place: the visitor meets the host country
          for (const m of objMs) if (m.type === 'person' || m.type === 'org') addRefs(ctx, s, [m], parts);
        } else addRefs(ctx, s, objMs, parts);
      }
    } else {
      // "X's talks", "their talks", "Tuesday's talks"
      const poss = possessorOf(ctx, s, i);
      poss.forEach((r) => parts.add(r));
      const head = determinerOf(s, i);
      if (RE_THE_THESE_THOSE.test(head) && between < 0 && withAt < 0 && !poss.length) anaphoric = true;
      if (RE_AN_ANOTHER.test(head)) indefinite = true;
      // "During a phone call with X, Y emphasized": the fronted phrase's meeting is the main clause subject's
      if (RE_DURING_AT_IN.test(toks[0]!.lower)) {
        const comma = toks.findIndex((t, k) => k > i && t.text === ',');
        if (comma > i && toks.slice(0, i).every((t) => t.text !== ',')) {
          const ms = npList(ctx, s, comma + 1, n).filter((m) => m.type !== 'country' || !!m.groupNoun || m.via === 'name' || m.via === 'alias');
          addRefs(ctx, s, ms, parts);
          if (ms.length) anaphoric = false;
        }
      }
      // "Putin discussed the situation during a telephone call with Erdogan": the call is the clause subject's
      const prepBefore = RE_DURING_AT_IN.test(toks[i - 2]?.lower ?? '') || RE_DURING_AT_IN.test(toks[i - 3]?.lower ?? '');
      if (withAt >= 0 && !poss.length && prepBefore) {
        const subject = s.mentions.filter((m) => m.t0 >= c0 && m.t1 <= i && !m.inTitle && (m.type === 'person' || (m.type === 'country' && m.via === 'name'))).sort((a, b) => a.t0 - b.t0)[0];
        if (subject && subject.titleT0 <= c0 + 3) addRefs(ctx, s, [subject], parts);
      }
      // "invited both the Sudanese army and the RSF to participate in ... negotiations"
      for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
        if (RE_PARTICIPATE_ATTEND_JOIN.test(toks[k]!.lower) || (toks[k]!.lower === 'part' && toks[k - 1]?.lower === 'take')) {
          let q = k - 1;
          while (q >= 0 && RE_TO_TAKE.test(toks[q]!.lower)) q--;
          const inv = toks.slice(Math.max(0, q - 12), q + 1).findIndex((t) => RE_INVITED_INVITES_INVITE.test(t.lower));
          if (inv >= 0) {
            const ms = npList(ctx, s, Math.max(0, q - 12) + inv + 1, q + 1);
            addRefs(ctx, s, ms, parts);
            if (ms.length) anaphoric = false;
          }
          break;
        }
      }
      // "Russia and Ukraine wrapped up talks", "The United States and Iran held a second round"
      const hv = holdVerbBefore(s, i, c0);
      if (hv >= 0) {
        const subj = subjectOf(ctx, s, hv, c0);
        if (subj.inherited) inherited = true;
        subj.refs.forEach((r) => parts.add(r));
        if (subj.refs.length) anaphoric = false;
      }
      // "a visit to Tehran by X"
      const by = findWord(s, i + 1, Math.min(c1, i + 6), 'by');
      if (by >= 0 && RE_VISIT_TRIP.test(w)) addRefs(ctx, s, npList(ctx, s, by + 1, c1), parts);
      if (RE_VISIT_TRIP.test(w) && poss.length === 0 && by < 0) {
        // "Driscoll's visit", "The visit by Grenell" handled above; bare "a visit" says nothing
      }
    }
    const strong = parts.size;
    // "Ukraine-Russia peace talks", "US-mediated talks"
    for (const m of s.mentions) {
      if (m.type !== 'country' || !m.compound || m.t0 < c0 || m.t0 > c1) continue;
      if (Math.abs(m.t0 - i) > 4) continue;
      const r = ctx.table.refOf.get(m);
      if (!r) continue;
      parts.add(r);
      if (RE_MEDIATED_BROKERED_HOSTED.test(m.compound)) roles.set(r, m.compound.replace(/-/g, ' '));
    }
    // "chaired by X", "attended by X", "mediated by X", "led by X", "welcomed by X"
    for (let k = c0; k < c1; k++) {
      if (toks[k]!.lower !== 'by' || k === 0) continue;
      const v = toks[k - 1]!.lower;
      const v2 = toks[k - 2]?.lower ?? '';
      if (RE_ATTENDED_CHAIRED_MEDIATED.test(v) || RE_ATTENDED_CHAIRED_MEDIATED_2.test(v2)) {
        const ms = npList(ctx, s, k + 1, c1);
        addRefs(ctx, s, ms, parts);
        const role = RE_CHAIRED_MEDIATED_HOSTED.test(v) ? v : undefined;
        if (role) for (const m of ms) roles.set(ctx.table.refOf.get(m)!, role.replace(RE_ED, '') + (role === 'chaired' ? '' : ''));
      }
    }
    // "with Oman acting as mediator", "attended billionaire Roman Abramovich and president Erdoğan"
    for (let k = 0; k < n; k++) {
      if (toks[k]!.lower === 'acting' && toks[k + 1]?.lower === 'as' && RE_MEDIATOR_HOST_FACILITATOR.test(toks[k + 2]?.lower ?? '')) {
        const o = s.owner[k - 1] ?? -1;
        const m = o >= 0 ? s.mentions[o] : undefined;
        if (m) addRefs(ctx, s, [m], parts), roles.set(ctx.table.refOf.get(m) ?? '', toks[k + 2]!.lower);
      }
      if (RE_ATTENDED_ATTEND.test(toks[k]!.lower) && k > i && toks[k + 1]?.lower !== 'by') addRefs(ctx, s, npList(ctx, s, k + 1, n), parts);
    }
    for (const r of [...parts]) if (!r) parts.delete(r);
    for (const m of claimedByBetween) {
      // participants of a "between" list belong to that meeting only
      const r = ctx.table.refOf.get(m);
      if (r && between < 0 && parts.has(r) && !(withAt >= 0)) parts.delete(r);
    }
    // -- when, where, how
    const status = statusOf(s, i, c0, c1);
    if (status === null) continue;
    const de = dateFor(s, i, c0, c1, status !== 'held');
    let date = de ? resolveDate(de, ctx.refDate, status !== 'held') : null;
    // a meeting still to come is not on a past day ("before beginning talks" in a sentence dated "last Monday")
    if (date && ctx.refDate && status !== 'held' && date < ctx.refDate) date = null;
    const place = placeFor(ctx, s, i, c0, c1);
    const clauseText = s.text.slice(toks[c0]!.start - s.start, toks[Math.max(c0, c1 - 1)]!.end - s.start);
    const mode: MeetingMode = RE_PHONE_TELEPHONE_PHONED.test(clauseText) && !RE_CALLED_FOR.test(clauseText)
      ? 'call'
      : RE_MET_MEET_MEETS_2.test(w) || place
        ? 'in_person'
        : 'unknown';
    // one field order for every draft (absent ones undefined): one hidden class for all of them
    const d: MeetingDraft = {
      participants: parts,
      roles,
      date,
      dateText: de?.text ?? '',
      status,
      mode,
      place,
      duration: (duration ??= durationOf(s.text)).duration,
      outcome: (outcome ??= outcomeOf(s.text)).outcome,
      evidence: [{ sentence: s.text, start: s.start, end: s.end }],
      sentences: [s.index],
      trigger: toks[i]!.text,
      rule: kind === 'verb' ? `meeting-verb "${toks[i]!.text}"` : `meeting-noun "${toks[i]!.text}"`,
      ordinal: ordinalBefore(s, i).ordinal,
    };
    out.push({ d, anaphoric: anaphoric && strong === 0, indefinite, inherited, visit: RE_VISIT_VISITED_VISITS.test(w), dateExpr: de });
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// integration of one sentence's meeting into the article's list

function integrate(ctx: Ctx, drafts: MeetingDraft[], f: Found): void {
  const { d } = f;
  if (!d.participants.size) {
    // "The meeting at the Dolmabahce Palace started at 1:35 p.m. on May 16": the last compatible meeting
    const prev = [...drafts].reverse().find((m) => compatible(ctx, f, m) && (m.status === d.status || f.anaphoric));
    const ownPlace = !f.anaphoric && d.place && d.place.specific >= 1 && prev && (!prev.place || prev.place.name !== d.place.name);
    if (prev && (f.anaphoric || !f.indefinite) && !ownPlace) return merge(prev, d, true, f.dateExpr, ctx);
    // "The first round was held in Muscat": a round of the same negotiation, between the same parties
    if (RE_ROUND_ROUNDS_TALKS.test(d.trigger.toLowerCase()) && d.place && drafts.length) {
      const base = drafts.find((m) => m.participants.size >= 2);
      if (base) for (const p of base.participants) if (ctx.table.actors.get(p)?.kind !== 'person') d.participants.add(p);
    }
    if (d.participants.size || d.place) drafts.push(d);
    return;
  }
  if (f.anaphoric) {
    // the talks just spoken of; a real meeting rather than one only proposed
    const rev = [...drafts].reverse().filter((m) => compatible(ctx, f, m));
    const prev = rev.find((m) => m.status !== 'proposed') ?? rev[0];
    if (prev) return merge(prev, d, true, f.dateExpr, ctx);
  }
  let best: MeetingDraft | undefined;
  for (const m of [...drafts].reverse()) {
    if (!compatible(ctx, f, m)) continue;
    if (f.visit && !(d.place && m.place && d.place.name === m.place.name)) continue;
    const mx = withCountries(ctx, m.participants);
    // a person counts as present when he or his country is there; a country when one of its people is
    const direct = [...d.participants].filter((p) => m.participants.has(p)).length;
    const overlap = [...d.participants].filter((p) => mx.has(p) || (countryOf(ctx, p) && m.participants.has(countryOf(ctx, p)!))).length;
    const subset = overlap === d.participants.size && direct >= 1;
    const sameCityDay = !!(d.place && m.place && d.place.name === m.place.name && d.place.specific === 2 && d.date && d.date === m.date);
    // countries only ("Leaders from foreign ministries of the US, China and India met in Jeddah"): the article's lead meeting, now placed
    const countriesOnly = onlyCountries(ctx, d.participants) && onlyCountries(ctx, m.participants) && d.status === 'held' && m.status === 'held' && m === drafts[0] && !!d.place && (!m.place || m.place.name === d.place.name);
    // "Iran and the US began a second round" after "Witkoff met Araghchi": the countries of the people
    if (subset || (overlap >= 2 && (direct >= 1 || onlyCountries(ctx, d.participants))) || (f.inherited && !f.indefinite) || sameCityDay || countriesOnly) {
      best = m;
      break;
    }
  }
  if (best && !(f.indefinite && !f.inherited && [...d.participants].some((p) => !withCountries(ctx, best!.participants).has(p) && !(countryOf(ctx, p) && best!.participants.has(countryOf(ctx, p)!))))) merge(best, d, false);
  else drafts.push(d);
}

// (the helpers of integrate and merge are module-level functions, not closures: under the
// transform that runs this code, every named closure costs a property definition each time it is made)
function compatible(ctx: Ctx, f: Found, m: MeetingDraft): boolean {
  const { d } = f;
  // an anaphor's weekday is read in the tense of its antecedent
  const dd = f.anaphoric && f.dateExpr ? { ...d, date: resolveDate(f.dateExpr, ctx.refDate, m.status !== 'held') } : d;
  return placeOk(m, d) && dateOk(m, dd) && (f.anaphoric || statusOk(m, d)) && ordinalOk(m, d);
}
/** The participants and the countries of those affiliated with one. */
function withCountries(ctx: Ctx, set: Set<string>): Set<string> {
  const out = new Set(set);
  for (const p of set) {
    const a = ctx.table.actors.get(p);
    if (a?.affiliation?.type === 'country') out.add(`country:${a.affiliation.key}`);
  }
  return out;
}
function countryOf(ctx: Ctx, p: string): string | undefined {
  const a = ctx.table.actors.get(p);
  return a?.affiliation?.type === 'country' ? `country:${a.affiliation.key}` : undefined;
}
function onlyCountries(ctx: Ctx, set: Set<string>): boolean {
  return [...set].every((p) => ctx.table.actors.get(p)?.kind !== 'person');
}
// "about five hours" says more than "marathon"
const numeric = (x: string) => RE_ONE_TWO_THREE.test(x);

function merge(into: MeetingDraft, d: MeetingDraft, anaphoric: boolean, de?: DateExpr, ctx?: Ctx): void {
  // "the summit" read as planned in its own sentence ("to attend the summit") takes the tense of what it refers to
  if (anaphoric && de && ctx) d.date = resolveDate(de, ctx.refDate, into.status !== 'held');
  for (const p of d.participants) into.participants.add(p);
  for (const [k, v] of d.roles) if (!into.roles.has(k)) into.roles.set(k, v);
  // several days of talks: the first day is the meeting's date
  if (d.date && (!into.date || (into.status === 'held' && d.date < into.date))) {
    into.date = d.date;
    into.dateText = d.dateText;
  } else if (!into.dateText && d.dateText) into.dateText = d.dateText;
  if (d.place && (!into.place || d.place.specific > into.place.specific)) into.place = d.place;
  if (!into.duration || (d.duration && numeric(d.duration) && !numeric(into.duration))) into.duration = d.duration ?? into.duration;
  into.outcome ??= d.outcome;
  if (into.mode === 'unknown') into.mode = d.mode;
  if (!anaphoric && d.status === 'held') into.status = 'held';
  if (!into.evidence.some((e) => e.start === d.evidence[0]!.start)) into.evidence.push(...d.evidence);
  into.sentences.push(...d.sentences);
}

function placeOk(a: MeetingDraft, b: MeetingDraft): boolean {
  if (!a.place || !b.place) return true;
  if (a.place.name === b.place.name) return true;
  // a building ("the Dolmabahce Palace") says nothing against a city
  if (a.place.specific < 1 || b.place.specific < 1) return true;
  const ca = a.place.country ?? a.place.name;
  const cb = b.place.country ?? b.place.name;
  // a city and its country are compatible; two different cities are not
  if (a.place.specific === 2 && b.place.specific === 2) return false;
  return ca === cb;
}
function dateOk(a: MeetingDraft, b: MeetingDraft): boolean {
  if (!a.date || !b.date) return true;
  const gap = Math.abs(Date.parse(a.date) - Date.parse(b.date)) / 86400000;
  return gap <= 2;
}
function statusOk(a: MeetingDraft, b: MeetingDraft): boolean {
  return a.status === b.status;
}
function ordinalOk(a: MeetingDraft, b: MeetingDraft): boolean {
  // "similar talks", "a previous meeting": not the one being reported
  if (b.ordinal && RE_SIMILAR_PREVIOUS_SEPARATE.test(b.ordinal)) return false;
  return !countedOrdinal(a.ordinal) || !countedOrdinal(b.ordinal) || countedOrdinal(a.ordinal) === countedOrdinal(b.ordinal);
}
const countedOrdinal = (s?: string) => (s && RE_FIRST_SECOND_THIRD.test(s) ? s : undefined);

/** "the second round", "similar peace talks", "a previous meeting": the word that sets this meeting apart. */
function ordinalBefore(s: SentenceCtx, i: number): { ordinal?: string } {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = s.toks[k]!.lower;
    if (RE_FIRST_SECOND_THIRD_2.test(w)) return { ordinal: w };
    if (RE_THE_AN_OF.test(w) && k < i - 1 && !RE_THE_AN.test(w)) break;
  }
  return {};
}

// ------------------------------------------------------------------------------------------
// after the whole article: delegations, countries represented by their people, places

function finish(ctx: Ctx, drafts: MeetingDraft[]): MeetingDraft[] {
  const members = delegationMembers(ctx);
  const hasCounterpart = ctx.sentences.some((s) => s.mentions.some((m) => m.groupNoun === 'counterpart'));
  const main = [...drafts].sort((a, b) => b.sentences.length - a.sentences.length)[0];
  for (const d of drafts) {
    if (d.status === 'held' || d.status === 'planned') {
      for (const p of [...d.participants]) {
        const ms = members.get(p);
        if (!ms) continue;
        for (const [x, sent] of ms) if (d === main || d.sentences.includes(sent)) d.participants.add(x);
      }
    }
    // a delegation whose members are named is represented by them
    const byCountry = new Map<string, number>();
    for (const p of d.participants) {
      const a = ctx.table.actors.get(p);
      if (a?.kind === 'person' && a.affiliation?.type === 'country') byCountry.set(`country:${a.affiliation.key}`, (byCountry.get(`country:${a.affiliation.key}`) ?? 0) + 1);
    }
    for (const [c, k] of byCountry) if (k >= 2 && d.participants.has(c) && !d.roles.has(c)) d.participants.delete(c);
    // "met his Iranian counterpart": the Iranian with the same office, when the article names one
    if (hasCounterpart) counterparts(ctx, d);
  }
  // a meeting with no place, on the same day as a placed one in the same article, was in the same city
  for (const d of drafts) {
    if (d.place) continue;
    const same = drafts.find((o) => o !== d && o.place && o.place.specific === 2 && ((d.date && o.date === d.date) || (d.dateText && o.dateText && lowerDay(d.dateText) === lowerDay(o.dateText))));
    const prevSentence = drafts.find((o) => o !== d && o.place && o.sentences.some((x) => d.sentences.includes(x + 1)) && [...d.participants].some((p) => o.participants.has(p)));
    const src = same ?? prevSentence;
    if (src?.place) d.place = { ...src.place, specific: src.place.specific - 0.5 };
  }
  // "He met X on the margins of the trilateral meeting": a meeting inside another one, on its day and in its place
  for (const d of drafts) {
    if (d.date || d.dateText || d.status !== 'held' || !d.evidence.some((e) => RE_SIDELINES_OF.test(e.sentence))) continue;
    const host = drafts.find((o) => o !== d && o.status === 'held' && o.date && o.sentences[0]! <= d.sentences[0]!);
    if (!host) continue;
    d.date = host.date;
    d.dateText = host.dateText;
    if (!d.place && host.place) d.place = { ...host.place };
  }
  // News reports the day's events: when the lead meeting is on the article's own day, a held meeting
  // the text gives no time at all ("He also met X") is of that day too; one with any time words of
  // its own ("last month", "in 2019") keeps them
  const leadOfTheDay = drafts.find((o) => o.status === 'held' && o.date && o.date === ctx.refDate);
  if (leadOfTheDay)
    for (const d of drafts)
      if (d !== leadOfTheDay && !d.date && !d.dateText && d.status === 'held' && !d.ordinal) {
        d.date = leadOfTheDay.date;
        d.dateText = leadOfTheDay.dateText;
      }
  // the dateline names the city of the article's lead meeting when the lead sentence names none
  const lead = drafts.find((d) => d.status === 'held');
  if (lead && !lead.place && ctx.datelineCity && lead.sentences[0]! <= firstBodySentence(ctx) + 1) lead.place = { name: ctx.datelineCity, specific: 1.5 };
  return drafts.filter((d) => d.participants.size >= 1);
}

const RE_NAMED_MEETING = /\bthe ((?:[\w+.'’-]+ ){1,3})(?:talks|meeting|meetings|summit|negotiations|consultations|round)\b/gi;
const GENERIC_MEETING_WORDS = new Set(['two', 'bilateral', 'peace', 'direct', 'latest', 'recent', 'last', 'first', 'second', 'third', 'high-level', 'closed-door', 'marathon', 'key', 'crucial', 'ongoing', 'planned', 'upcoming', 'trilateral', 'face-to-face', 'in-person', 'previous', 'day', "day's", 'weekend', 'official', 'formal', 'informal', 'leaders', "leaders'", 'latest round of', 'round of']);
/** The sentence names a meeting by words that the article's meeting does not carry ("the 2+2 talks", "the G20 summit"). */
function namesOtherMeeting(text: string, main: MeetingDraft | undefined): boolean {
  for (const m of text.matchAll(RE_NAMED_MEETING)) {
    const words = m[1]!.trim().split(' ');
    const odd = words.filter((w) => !GENERIC_MEETING_WORDS.has(w.toLowerCase()) && !(main?.place && main.place.name.toLowerCase().includes(w.toLowerCase())));
    if (odd.length) return true;
  }
  return false;
}
const RE_FUTURE_PRESENCE = /\b(will|would|to be|is expected|are expected|is set to|are set to|is due|are due)\b/i;
const RE_SIDELINES_OF = /\b(on|at|along) the (sidelines?|margins?|fringes?) of\b/i;
const lowerDay = (s: string) => (RE_MONDAY_TUESDAY_WEDNESDAY.exec(s)?.[1] ?? s).toLowerCase();
const firstBodySentence = (ctx: Ctx) => ctx.sentences.find((s) => s.body)?.index ?? 0;

/** Who belongs to which country's delegation: "the head of the Ukrainian delegation, X", "X led the Russian delegation, which also included A; B; and C". */
function delegationMembers(ctx: Ctx): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  let sentence = 0;
  for (const s of ctx.sentences) {
    if (!s.body || !RE_DELEGATION_TEAM_COUNTERPART.test(s.text)) continue;
    // "the Ukrainian delegation", "Russia's team", and a country by its name: "led on the US side by A and B"
    const dels = s.mentions.filter((m) => m.type === 'country' && RE_DELEGATION_TEAM_COUNTERPART_2.test(m.groupNoun ?? possessiveNoun(s, m) ?? s.toks[m.t1]?.lower ?? ''));
    const countries = new Set(dels.map((m) => m.key));
    if (countries.size !== 1) continue;
    const c = `country:${[...countries][0]}`;
    sentence = s.index;
    const hasLead = RE_LED_LEADS_LEADING.test(s.text);
    if (!hasLead) continue;
    const del = dels[0]!;
    const incl = s.toks.findIndex((t) => RE_INCLUDED_INCLUDING_INCLUDES.test(t.lower));
    for (const m of s.mentions) {
      if (m.type !== 'person' || m.inTitle) continue;
      const r = ctx.table.refOf.get(m);
      if (!r) continue;
      const lo = Math.min(m.t0, del.t0);
      const hi = Math.max(m.t0, del.t0);
      const between = s.toks.slice(lo, hi).some((t) => RE_THAT_BETWEEN_WITH.test(t.lower));
      // "the US delegation in the Kremlin Vladimir Putin and Kirill Dmitriev": a person named with
      // someone of another country, between him and the delegation, is on that one's side
      const otherSide = s.mentions.some((o) => {
        if (o === m || o.type !== 'person' || o.t0 <= lo || o.t0 >= hi) return false;
        const oa = ctx.table.actors.get(ctx.table.refOf.get(o) ?? '');
        return oa?.affiliation?.type === 'country' && `country:${oa.affiliation.key}` !== c;
      });
      const near = hi - lo <= 12 && !between && !otherSide;
      if (!near && !(incl >= 0 && m.t0 > incl)) continue;
      // the speaker of "X said the delegation..." is a member only when the sentence is about him
      const a = ctx.table.actors.get(r);
      if (a?.affiliation?.type === 'country' && `country:${a.affiliation.key}` !== c) continue;
      const ms = out.get(c) ?? new Map<string, number>();
      if (!ms.has(r)) ms.set(r, sentence);
      out.set(c, ms);
      // a member of a country's delegation belongs to that country
      const member = ctx.table.actors.get(r);
      if (member && !member.affiliation) member.affiliation = { type: 'country', key: c.replace(RE_COUNTRY, '') };
    }
  }
  return out;
}

function possessiveNoun(s: SentenceCtx, m: Mention): string | undefined {
  if (s.toks[m.t1]?.text !== "'s") return undefined;
  return s.toks[m.t1 + 1]?.lower;
}

function counterparts(ctx: Ctx, d: MeetingDraft): void {
  for (const s of ctx.sentences) {
    if (!d.sentences.includes(s.index)) continue;
    for (const m of s.mentions) {
      if (m.type !== 'country' || m.groupNoun !== 'counterpart') continue;
      const cref = ctx.table.refOf.get(m);
      if (!cref || !d.participants.has(cref)) continue;
      const others = [...d.participants].map((p) => ctx.table.actors.get(p)!).filter((a) => a && a.kind === 'person');
      const office = (a: { roles: Set<string> }) => [...a.roles].map((r) => (RE_FOREIGN_MINISTER_DEFEN.exec(r)?.[1] ?? '').toLowerCase()).find(Boolean);
      const mine = others.map(office).find(Boolean);
      const match = [...ctx.table.actors.values()].find(
        (a) => a.kind === 'person' && a.affiliation?.key === m.key && (!mine || office(a) === mine || office(a)?.replace('defense', 'defence') === mine.replace('defense', 'defence')),
      );
      if (match && mine) {
        d.participants.delete(cref);
        d.participants.add(match.ref);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------
// helpers over one sentence

function isExcludedNoun(s: SentenceCtx, i: number): boolean {
  const t = s.toks;
  const w = t[i]!.lower;
  const prev = t[i - 1]?.lower ?? '';
  if (w === 'conference' && RE_NEWS_PRESS_VIDEO.test(prev)) return true;
  if (w === 'call' && !(RE_PHONE_TELEPHONE_VIDEO.test(prev) && (RE_PHONE_TELEPHONE_VIDEO_2.test(prev) || t[i + 1]?.lower === 'with'))) return true;
  if (w === 'call' && RE_FOR.test(t[i + 1]?.lower ?? '')) return true;
  // "a phone conversation with", "a telephone conversation with": a call; any other conversation is talk
  if (w === 'conversation' && !(RE_CALL_MEDIUM.test(prev) && t[i + 1]?.lower === 'with')) return true;
  if (w === 'round' && !RE_OF.test(t[i + 1]?.lower ?? '') && !RE_FIRST_SECOND_THIRD_3.test(prev)) return true;
  if (w === 'session' && !RE_MARATHON_NEGOTIATING_CLOSED.test(prev)) return true;
  if (RE_DISCUSSION_DISCUSSIONS.test(w) && RE_UNDER_IN.test(prev)) return true; // "remain under discussion"
  if (w === 'dialogue' && !RE_DIRECT_HIGH_LEVEL.test(prev)) return true;
  if (w === 'negotiating' && !RE_TABLE_ROUND_SESSION.test(t[i + 1]?.lower ?? '')) return true;
  if (RE_TALKS_NEGOTIATIONS.test(w) && RE_PEACE_CEASEFIRE_CEASE.test(prev) && RE_PROCESS.test(t[i + 1]?.lower ?? '')) return true;
  // "negotiation experience", "meeting room": a meeting word used as a modifier
  if (RE_ROOM_PLACE_POINT.test(t[i + 1]?.lower ?? '') && !RE_TALKS.test(w)) return true;
  return false;
}

function isMeetVerb(s: SentenceCtx, i: number): boolean {
  const t = s.toks;
  const w = t[i]!.lower;
  const next = t[i + 1]?.lower ?? '';
  const prev = t[i - 1]?.lower ?? '';
  if (w === 'meeting') return next === 'with' || RE_IS_ARE_WAS.test(prev) || prev === ',';
  if (RE_VISIT_VISITS.test(w)) return RE_TO_WILL_WOULD.test(prev) || RE_TO_WILL.test(t[i - 2]?.lower ?? '');
  if (RE_RECEIVED_WELCOMED_GREETED.test(w)) {
    // "welcomed personally by President Erdogan", "received Putin": only with a person on the other side
    const o = s.owner[i + 1] ?? -1;
    return (o >= 0 && s.mentions[o]!.type === 'person') || next === 'by' || t[i + 2]?.lower === 'by';
  }
  if (RE_HOSTED_HOST_HOSTS_2.test(w)) return true;
  if (RE_TALKED_NEGOTIATED_NEGOTIATE.test(w)) return next === 'with' || t[i + 2]?.lower === 'with';
  if (w === 'phoned') return true;
  if (RE_GATHERED_GATHER_CONVENED.test(w)) return true;
  return true;
}

/** A meeting word under negation of existence: "no plans had been made for a third summit", "no talks". */
function negated(s: SentenceCtx, i: number, c0: number): boolean {
  for (let k = Math.max(c0, i - 6); k < i; k++) {
    const w = s.toks[k]!.lower;
    if (w === 'no' && !RE_LONGER.test(s.toks[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** The clause around token i: [start, end) token indexes. */
function clause(s: SentenceCtx, i: number): [number, number] {
  const t = s.toks;
  let a = i;
  while (a > 0 && !isBoundary(s, a - 1) && !(s.owner[a - 1]! < 0 && SPEECH_VERBS.has(t[a - 1]!.lower) && a - 1 < i - 1 && !RE_AGREED.test(t[a - 1]!.lower))) a--;
  let b = i + 1;
  while (b < t.length && !isBoundary(s, b)) {
    if (t[b]!.text === ',' && s.owner[b + 1]! < 0 && SPEECH_VERBS.has(t[b + 1]?.lower ?? '')) break;
    if (t[b]!.text === ',' && s.owner[b + 1] !== undefined && s.owner[b + 1]! >= 0 && SPEECH_VERBS.has(t[s.mentions[s.owner[b + 1]!]!.t1]?.lower ?? '')) break;
    b++;
  }
  return [a, b];
}

/** Token k ends a clause. (A module-level function: a named closure costs a property definition each time it is made, under the transform that runs this code.) */
function isBoundary(s: SentenceCtx, k: number): boolean {
  const t = s.toks;
  const w = t[k]!.lower;
  if (STOP.test(t[k]!.text)) return true;
  if (OPENERS.test(w)) {
    if (w === 'as' && !RE_COMMA.test(t[k - 1]?.text ?? '') && !RE_THE_BOTH_HIS.test(t[k + 1]?.lower ?? '')) return false;
    if (w === 'before' || w === 'after') return RE_COMMA.test(t[k - 1]?.text ?? '') || k === 0 || RE_THE_AN.test(t[k + 1]?.lower ?? '') === false;
    return true;
  }
  if (w === ',' && RE_AND_BUT_WHILE.test(t[k + 1]?.lower ?? '')) return true;
  if (w === 'that' && k > 0 && s.owner[k - 1]! < 0 && SPEECH_VERBS.has(t[k - 1]!.lower)) return true;
  return false;
}

function findWord(s: SentenceCtx, from: number, to: number, word: string): number {
  for (let k = from; k < to; k++) if (s.toks[k]!.lower === word) return k;
  return -1;
}

/** "met with X", "talks with X", "met in Beijing with X" — but not ", with talks continuing". */
function findWithAfter(s: SentenceCtx, from: number, to: number): number {
  for (let k = from; k < Math.min(to, from + 8); k++) {
    const w = s.toks[k]!.lower;
    if (w === 'with') {
      if (s.toks[k - 1]?.text === ',') return -1;
      return k;
    }
    // "spoke by phone with", "talked over the phone with": the medium sits between verb and partner
    if ((w === 'by' || w === 'over' || w === 'on' || w === 'via') && RE_MEDIUM.test(s.toks[k + 1]?.lower === 'the' ? s.toks[k + 2]?.lower ?? '' : s.toks[k + 1]?.lower ?? '')) continue;
    if (RE_BETWEEN_BY_ABOUT.test(w)) return -1;
  }
  return -1;
}
const RE_CALL_MEDIUM = /^(phone|telephone|telephonic|video|virtual)$/;
const RE_MEDIUM = /^(phone|telephone|video|videolink|video-link|videoconference|zoom)$/;

/** Mentions in a noun-phrase list from token `from`: "Russian President Vladimir Putin and US envoy Steve Witkoff". */
function npList(ctx: Ctx, s: SentenceCtx, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  let k = from;
  let guard = 0;
  while (k < to && guard++ < 40) {
    const t = s.toks[k]!;
    const o = s.owner[k]!;
    if (o >= 0) {
      const m = s.mentions[o]!;
      const top = outerOf(s, m);
      if (!isModifierUse(s, top) && top.type !== 'media' && top.type !== 'place' && !(top.type === 'country' && (top.via === 'capital' || top.via === 'seat' || top.via === 'name' || top.via === 'alias') && isPlaceUse(s, top))) out.push(top);
      k = Math.max(top.t1, m.t1);
      // "the US team", "Russian officials": skip the group noun
      while (k < to && (ctx && isGroupWord(s.toks[k]!.lower))) k++;
      if (s.toks[k]?.text === "'s") break; // "Tehran's nuclear program": a possessor, the list is over
      continue;
    }
    if (t.text === ',' || RE_AND_BOTH_AS.test(t.lower)) {
      // ", which", ", who", ", a former ...": the list is over
      if (t.text === ',' && RE_WHICH_WHO_WHOSE.test(s.toks[k + 1]?.lower ?? '') && out.length) {
        if (!RE_THE_AN_HIS.test(s.toks[k + 1]?.lower ?? '')) break;
      }
      k++;
      continue;
    }
    if (DETS.test(t.lower) || isGroupWord(t.lower) || RE_HEAD_CHIEF_LEADER.test(t.lower) || KB.roleHeads.has(t.lower) || KB.roleModifiers.has(t.lower) || RE_NINE_PERSON_PERSON.test(t.lower)) {
      k++;
      continue;
    }
    if (t.lower === 'him' || t.lower === 'her') {
      const r = lastPerson(ctx, s, k);
      if (r) out.push(pseudo(r));
      k++;
      continue;
    }
    break;
  }
  return out;
}

const pseudoMentions = new Map<string, Mention>();
function pseudo(ref: string): Mention {
  let m = pseudoMentions.get(ref);
  if (!m) {
    m = { ...newMention(-1, [{ text: ref, lower: ref, start: 0, end: 0, cap: true, kind: 'word' }], 0, 1, 'person', ref, 'pattern'), t1: 0 };
    pseudoMentions.set(ref, m);
  }
  return m;
}

function isGroupWord(w: string): boolean {
  return KB.delegationNouns.has(w) || RE_TEAM_SIDE_DELEGATION.test(w);
}

/** The person a mention is the title of, when it is inside a title ("Russian" in "Russian President Putin"). */
export function outerOf(s: SentenceCtx, m: Mention): Mention {
  if (!m.inTitle) return m;
  const p = s.mentions.find((x) => x.type === 'person' && x.titleT0 <= m.t0 && x.t0 >= m.t1);
  return p ?? m;
}

function addRefs(ctx: Ctx, s: SentenceCtx, ms: Mention[], parts: Set<string>): void {
  for (const m of ms) {
    if (m.via === 'pattern' && m.sentence === -1) {
      parts.add(m.key);
      continue;
    }
    if (m.type === 'media' || m.type === 'place') continue;
    const r = ctx.table.refOf.get(m);
    if (r) parts.add(r);
  }
  void s;
}

/** "a Trump administration official", "the Kremlin's position": a name used to modify a noun is not a party. */
export function isModifierUse(s: SentenceCtx, m: Mention): boolean {
  if (m.type !== 'person') return false;
  const nx = s.toks[m.t1];
  if (!nx || nx.kind !== 'word' || nx.cap) return false;
  return KB.roleHeads.has(nx.lower) || KB.roleModifiers.has(nx.lower) || KB.delegationNouns.has(nx.lower) || RE_ADMINISTRATION_GOVERNMENT_CAMPAIGN.test(nx.lower);
}

export function isPlaceUse(s: SentenceCtx, m: Mention): boolean {
  const next = s.toks[m.t1];
  // "the Ukraine war", "the U.S. side": a name before a noun modifies it ("in Hanoi ended" does not)
  const theBefore = s.toks[m.t0 - 1]?.lower === 'the' || !PLACE_PREPS.has(s.toks[m.t0 - 1]?.lower ?? '');
  if (theBefore && next && next.kind === 'word' && !next.cap && !RE_AND_OR_ON.test(next.lower)) return false;
  if (s.toks[m.t0 - 1]?.lower === 'to' && s.toks[m.t0 - 2]?.lower === 'according') return false;
  if (s.toks[m.t0 - 1]?.lower === 'the' && s.toks[m.t0 - 2]?.lower === 'to' && s.toks[m.t0 - 3]?.lower === 'according') return false;
  let k = m.t0 - 1;
  while (k >= 0 && RE_THE_HISTORIC_NORTHERN.test(s.toks[k]!.lower) && s.toks[k]!.lower !== 'of') k--;
  const p = s.toks[k]?.lower ?? '';
  if (PLACE_PREPS.has(p)) return true;
  if (p === 'of' && RE_CITY_CAPITAL_OUTSKIRTS.test(s.toks[k - 1]?.lower ?? '')) return true;
  return false;
}

/** Subject of the verb at token v: the mentions just before it, or a pronoun. */
export function subjectOf(ctx: Ctx, s: SentenceCtx, v: number, c0: number): { refs: string[]; inherited: boolean } {
  const t = s.toks;
  let k = v - 1;
  // skip auxiliaries, adverbs and dates: "has met", "are set to meet", "met late on Monday"
  while (k >= c0 && (AUX.test(t[k]!.lower) || RE_MONDAY_TUESDAY_WEDNESDAY_2.test(t[k]!.lower) || (t[k]!.text === ',' && AUX.test(t[k - 1]?.lower ?? '')))) k--;
  if (k < c0) {
    // "After more than a month of talks ..., the diplomacy between" — nothing before
    return { refs: [], inherited: false };
  }
  const w = t[k]!.lower;
  if (w === 'he' || w === 'she') {
    const r = lastPerson(ctx, s, k);
    return { refs: r ? [r] : [], inherited: false };
  }
  if (w === 'they' || ((RE_SIDES_COUNTRIES_LEADERS.test(w)) && RE_TWO_BOTH_THE.test(t[k - 1]?.lower ?? ''))) {
    const pair = previousPair(ctx, s, k, RE_LEADERS_MEN.test(w));
    // "the two countries": the countries, also when the people of the talks were named
    if (RE_COUNTRIES_NATIONS_GOVERNMENTS.test(w)) {
      const cs = pair.map((r) => {
        const a = ctx.table.actors.get(r);
        return a?.kind === 'person' && a.affiliation?.type === 'country' ? `country:${a.affiliation.key}` : r;
      });
      return { refs: [...new Set(cs)], inherited: true };
    }
    return { refs: pair, inherited: true };
  }
  // walk back over a coordinated list of mentions ("A, B and C", across ", and")
  const refs: string[] = [];
  while (k >= 0) {
    if (s.owner[k]! < 0 && (STOP.test(t[k]!.text) || OPENERS.test(t[k]!.lower) || SPEECH_VERBS.has(t[k]!.lower))) break;
    // "The U.S. government, along with several other Western nations, does not": skip the aside
    if (t[k]!.text === ',' && !refs.length) {
      let q = k - 1;
      while (q >= 0 && t[q]!.text !== ',' && k - q < 30) q--;
      const aside = t.slice(q + 1, k).map((x) => x.lower).join(' ');
      if (q >= 0 && t[q]!.text === ',' && RE_ALONG_WITH_TOGETHER.test(aside)) {
        k = q - 1;
        continue;
      }
    }
    const o = s.owner[k]!;
    if (o >= 0) {
      const m = outerOf(s, s.mentions[o]!);
      const r = ctx.table.refOf.get(m);
      if (r && !isModifierUse(s, m) && m.type !== 'media' && m.type !== 'place' && !(m.type === 'country' && isPlaceUse(s, m))) refs.push(r);
      k = Math.min(m.titleT0, m.t0) - 1;
      if (s.toks[k]?.text === "'s") break;
      continue;
    }
    const x = t[k]!.lower;
    if (x === 'and' || x === ',' || isGroupWord(x) || DETS.test(x) || KB.roleHeads.has(x) || KB.roleModifiers.has(x) || x === '&') {
      k--;
      continue;
    }
    break;
  }
  // an appositive subject: "Ukrainian Defence Minister Rustem Umerov, who is heading ..., confirmed" is not read
  return { refs, inherited: false };
}

function holdVerbBefore(s: SentenceCtx, i: number, c0: number): number {
  for (let k = i - 1; k >= Math.max(c0, i - 7); k--) {
    const w = s.toks[k]!.lower;
    if (HOLD_VERBS.test(w)) {
      if (w === 'up' || w === 'wrapped') return k;
      return k;
    }
    if (w === 'up' && s.toks[k - 1]?.lower === 'wrapped') return k - 1;
    if (s.owner[k]! >= 0 && s.mentions[s.owner[k]!]!.type === 'person') return -1;
  }
  return -1;
}

function determinerOf(s: SentenceCtx, i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = s.toks[k]!.lower;
    if (RE_THE_AN_ANOTHER.test(w)) return w;
    if (s.toks[k]!.text === "'s") return 'poss';
    if (RE_AND_WITH_OF.test(w)) return '';
  }
  return '';
}

/** "Putin's talks", "their talks", "his engagement", "Biden's summit". */
function possessorOf(ctx: Ctx, s: SentenceCtx, i: number): string[] {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = s.toks[k]!.lower;
    if (w === "'s") {
      const o = s.owner[k - 1] ?? -1;
      if (o < 0) return [];
      const m = outerOf(s, s.mentions[o]!);
      if (m.type === 'place' || m.type === 'media') return [];
      // "Tehran's program" is a possessor; "Tuesday's talks" is a date
      const r = ctx.table.refOf.get(m);
      // possessor and its coordinated partners: "Biden and Xi's talks"
      return r ? [r] : [];
    }
    if (w === 'his' || w === 'her') {
      const r = lastPerson(ctx, s, k);
      return r ? [r] : [];
    }
    if (w === 'their') return previousPair(ctx, s, k);
    if (RE_AND_WITH_OF_2.test(w)) return [];
  }
  return [];
}

/** Most recent person before token k of sentence s (this sentence first, then earlier ones). */
export function lastPerson(ctx: { table: ActorTable }, s: SentenceCtx, k: number): string | undefined {
  const order = ctx.table.personOrder;
  for (let q = order.length - 1; q >= 0; q--) {
    const p = order[q]!;
    if (p.sentence > s.index || (p.sentence === s.index && p.tok >= k)) continue;
    if (s.index - p.sentence > 3) return undefined;
    return p.ref;
  }
  return undefined;
}

/** "they", "the two sides", "their": the actors of the previous sentence's subject or the two last-named parties. */
export function previousPair(ctx: Ctx, s: SentenceCtx, before = s.toks.length, people = false): string[] {
  // in this sentence first: "Biden and Xi agreed ... their first talks"
  const here: string[] = [];
  for (const m of s.mentions) {
    if (m.t0 >= before || m.inTitle || m.type === 'media' || m.type === 'place' || isSpeaker(s, m) || isModifierUse(s, m)) continue;
    if (m.type === 'country' && isPlaceUse(s, m)) continue;
    const r = ctx.table.refOf.get(m);
    if (r && (!people || ctx.table.actors.get(r)?.kind === 'person') && !here.includes(r) && (m.type === 'person' || m.groupNoun || m.via === 'name' || m.via === 'alias' || m.type === 'org' || m.type === 'group')) here.push(r);
  }
  if (here.length >= 2) return here.slice(0, 2);
  for (let q = s.index - 1; q >= Math.max(0, s.index - 4); q--) {
    const ps = ctx.sentences[q];
    if (!ps?.body) continue;
    const refs: string[] = [];
    for (const m of ps.mentions) {
      if (m.inTitle || m.type === 'media' || m.type === 'place') continue;
      if (m.type === 'country' && isPlaceUse(ps, m)) continue;
      const r = ctx.table.refOf.get(m);
      if (r && (!people || ctx.table.actors.get(r)?.kind === 'person') && !refs.includes(r) && (m.type === 'person' || m.groupNoun || m.via === 'name' || m.via === 'alias' || m.type === 'group')) refs.push(r);
    }
    if (refs.length >= 2) return refs.slice(0, 2);
  }
  return [];
}

function inheritPair(ctx: Ctx, s: SentenceCtx, from: number, parts: Set<string>): boolean {
  const w = `${s.toks[from]?.lower ?? ''} ${s.toks[from + 1]?.lower ?? ''} ${s.toks[from + 2]?.lower ?? ''}`;
  if (RE_THE_TWO_BOTH.test(w)) {
    const p = previousPair(ctx, s, from);
    p.forEach((r) => parts.add(r));
    return p.length > 0;
  }
  return false;
}

export function isSpeaker(s: SentenceCtx, m: Mention): boolean {
  const next = s.toks[m.t1]?.lower ?? '';
  const prev = s.toks[m.titleT0 - 1]?.lower ?? '';
  return SAY_VERBS.has(next) || (prev === 'to' && s.toks[m.titleT0 - 2]?.lower === 'according') || prev === 'citing' || prev === 'quoted';
}

function statusOf(s: SentenceCtx, i: number, c0: number, c1: number): MeetingStatus | null {
  let end = Math.max(c1, i + 1);
  // "talks with the RSF, which are scheduled to take place on Wednesday"
  const rel = lowerSpan(s.toks, end, end + 3);
  if (RE_WHICH_THAT.test(rel)) end = Math.min(s.toks.length, end + 10);
  const win = lowerSpan(s.toks, Math.max(0, Math.min(c0, i - 8)), Math.min(s.toks.length, end));
  const before = lowerSpan(s.toks, Math.max(0, i - 10), i).replace(/\b(asked|wondered|whether) if\b/g, '$1');
  if (RE_RESUMPTION_OF_TO.test(before)) return 'planned';
  if (RE_BEFORE_AHEAD_OF.test(lowerSpan(s.toks, Math.max(0, i - 6), i)) && RE_TALKS_NEGOTIATIONS_MEETING.test(s.toks[i]!.lower) && !RE_THE_THOSE_THESE.test(s.toks.slice(Math.max(0, i - 2), i).map((t) => t.lower).join(' '))) return 'planned';
  const w = s.toks[i]!.lower;
  if (RE_CANCEL_ED_CALLED.test(win)) return 'cancelled';
  if (RE_CALLS_CALLED_CALLING.test(before + ' ' + w)) {
    if (!RE_HELD_MET_TOOK.test(before)) return 'proposed';
  }
  if (RE_WILL_WOULD_SHALL.test(before + ' ' + win.slice(0, 200))) {
    if (RE_AHEAD_OF.test(before) && !RE_WILL_WOULD_SET.test(before)) return w === 'talks' || w === 'negotiations' ? 'planned' : 'held';
    if (RE_MET_HELD_HOSTED.test(before + ' ' + w) && !RE_WILL_WOULD_SET_2.test(before)) return 'held';
    return 'planned';
  }
  return 'held';
}

const SAID = /^(said|says|told|announced|stated|added|posted|wrote|reported|confirmed|published|revealed|tweeted)$/;
/** A date a meeting can take: not the date of a saying ("said Wednesday"). */
function dateUsable(s: SentenceCtx, d: DateExpr): boolean {
  const prev = s.toks[d.t0 - 1]?.lower ?? '';
  const prev2 = s.toks[d.t0 - 2]?.lower ?? '';
  if (SAID.test(prev) || (SAID.test(prev2) && prev === 'on')) return false;
  return true;
}

function dateFor(s: SentenceCtx & SentenceDates, i: number, c0: number, c1: number, future = false): DateExpr | undefined {
  let c1x = c1;
  if (RE_WHICH_THAT_2.test(s.toks[c1]?.lower ?? '') && RE_WHICH_THAT_ARE.test(s.toks[c1 + 1]?.lower ?? s.toks[c1]?.lower ?? '')) c1x = Math.min(s.toks.length, c1 + 12);
  const after = s.dates.filter((d) => d.t0 > i && d.t0 < c1x && dateUsable(s, d) && d.kind !== 'vague');
  if (future && after.length) return after[0];
  const inClause = s.dates.filter((d) => d.t0 >= c0 && d.t1 <= c1 + 1 && dateUsable(s, d));
  const pool = inClause.length ? inClause : s.dates.filter((d) => dateUsable(s, d));
  let best: DateExpr | undefined;
  let gap = Infinity;
  for (const d of pool) {
    const g = d.t0 > i ? d.t0 - i : i - d.t1;
    if (g < gap) (gap = g), (best = d);
  }
  if (best && !inClause.length && gap > 12 && best.t0 > i) return undefined;
  return best;
}

function placeFor(ctx: Ctx, s: SentenceCtx, i: number, c0: number, c1: number): MeetingDraft['place'] | undefined {
  let best: MeetingDraft['place'] | undefined;
  let bestScore = -Infinity;
  // the clause, and a few words after the trigger ("talks in Geneva") without crossing a comma
  let hi = i + 1;
  const noun = MEET_NOUNS.test(s.toks[i]!.lower);
  // a noun's own words, longer when a list of parties follows: "the summit between A and B in Hanoi"
  const listAfter = noun && RE_BETWEEN_WITH.test(s.toks.slice(i + 1, i + 4).find((t) => RE_BETWEEN_WITH.test(t.lower))?.lower ?? '');
  while (hi < s.toks.length && hi < i + (noun && !listAfter ? 8 : 20) && !RE_CLAUSE_PUNCT.test(s.toks[hi]!.text)) hi++;
  // "talks with the RSF, which are scheduled to take place on Wednesday in Geneva"
  if (s.toks[hi]?.text === ',' && RE_WHICH_THAT_3.test(s.toks[hi + 1]?.lower ?? '')) {
    hi += 2;
    while (hi < s.toks.length && hi < i + 24 && !RE_CLAUSE_PUNCT.test(s.toks[hi]!.text)) hi++;
  }
  // "talks earlier in the month, in Kyiv"
  if (s.toks[hi]?.text === ',' && RE_IN_AT.test(s.toks[hi + 1]?.lower ?? '')) hi = Math.min(s.toks.length, hi + 4);
  if (!noun) hi = Math.max(hi, c1);
  let lo = i;
  while (lo > 0 && lo > i - 4 && !RE_CLAUSE_PUNCT.test(s.toks[lo - 1]!.text)) lo--;
  lo = Math.min(lo, c0);
  for (const m of s.mentions) {
    if (m.t0 < lo || m.t0 >= hi) continue;
    if (m.compound) continue; // "Washington-mediated"
    const nx = s.toks[m.t1];
    if (nx && nx.cap && nx.kind === 'word' && NON_PERSON_HEADS.has(nx.lower)) continue; // "Jeddah Declaration"
    let cand: MeetingDraft['place'] | undefined;
    const beforeTrigger = m.t1 === i || (m.t1 === i - 1 && MEET_NOUNS.test(s.toks[i]!.lower)) || (s.toks[m.t1]?.lower === 'meetings' || s.toks[m.t1]?.lower === 'talks' || s.toks[m.t1]?.lower === 'discussions' || s.toks[m.t1]?.lower === 'summit');
    if (m.type === 'place' && m.via === 'city') cand = { name: m.key, country: KB.cityCountry.get(m.key), specific: 2 };
    else if (m.type === 'place' && !m.document) {
      // a named building: the city comes from elsewhere; keep it when nothing better
      cand = { name: m.key, specific: 0.5 };
    } else if (m.type === 'country' && (m.via === 'seat' || m.via === 'capital') && (isPlaceUse(s, m) || beforeTrigger || RE_HOSTED_HOSTS_HOST.test(s.toks[m.t1]?.lower ?? '') || s.toks[m.t0 - 1]?.text === ',')) {
      cand = { name: m.city!, country: m.key, specific: 2 };
    } else if (m.type === 'country' && m.via !== 'demonym' && m.t0 === i + 1 && RE_VISIT_VISITED_VISITS_2.test(s.toks[i]!.lower)) {
      cand = { name: m.city ?? m.key, country: m.key, specific: m.city ? 2 : 1 };
    } else if (m.type === 'country' && m.via !== 'demonym' && isPlaceUse(s, m)) {
      cand = { name: m.key, country: m.key, specific: 1 };
    } else if (m.type === 'country' && s.toks[m.t1]?.text === "'s" && s.toks[m.t1 + 1]?.lower === 'capital') {
      const c = KB.countries.get(m.key);
      if (c?.capitals[0]) cand = { name: c.capitals[0], country: m.key, specific: 2 };
    }
    if (!cand) continue;
    const score = cand.specific * 100 - Math.abs(m.t0 - i) - (m.t0 < i ? 3 : 0);
    if (score > bestScore) (best = cand), (bestScore = score);
  }
  void ctx;
  return best;
}

// Words every match of the duration or the outcome patterns holds (they ignore the case of ASCII
// letters only, so a lower-cased text holds them too): a sentence without one is not searched.
const DURATION_WORDS = ['hour', 'day', 'minute', 'marathon'];
const OUTCOME_WORDS = ['with', 'no ', 'reached ', 'struck ', 'signed ', 'agreed to '];
const holdsAny = (lower: string, words: readonly string[]) => words.some((w) => lower.includes(w));

function durationOf(text: string): { duration?: string } {
  if (!holdsAny(text.toLowerCase(), DURATION_WORDS)) return {};
  const m = RE_ABOUT_AROUND_NEARLY.exec(text) ?? RE_MULTI_HOUR_MULTI.exec(text);
  return m ? { duration: m[0] } : {};
}

function outcomeOf(text: string): { outcome?: string } {
  if (!holdsAny(text.toLowerCase(), OUTCOME_WORDS)) return {};
  const m =
    RE_ENDED_CONCLUDED_FINISHED.exec(text) ??
    RE_NO_BREAKTHROUGH_AGREEMENT.exec(text);
  if (!m) return {};
  const o = (m[2] ?? m[1] ?? m[0]).trim();
  return o ? { outcome: o } : {};
}
