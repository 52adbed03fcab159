import type { ActorTable, SentenceCtx } from './actors';
import type { Mention } from './mentions';

/**
 * Who was at a meeting, said apart from the sentence that reports it: the
 * people "present at the talks", those who "took part in" them, the heads of
 * delegations ("X led the Russian delegation", "the American team will be
 * headed by Y and Z"), and those a meeting was "chaired by" or "attended by".
 * Each cue is data: its name (printed by --explain), the words it matches and
 * which people it takes — all in the sentence, those after the cue, or the
 * subject before it. Speakers ("X said", "according to X") are never taken.
 */
export interface PresenceCue {
  name: string;
  pattern: RegExp;
  takes: 'all' | 'after' | 'subject';
  role?: string;
  /** real sentence it was written on (data/dev), for the tests */
  example: string;
}

const MEETING_NOUN = '(?:talks|meeting|meetings|summit|negotiations|consultations|discussions|session|round)';
const DELEGATION_NOUN = '(?:delegation|delegations|team|side|negotiating team)';

export const PRESENCE_CUES: PresenceCue[] = [
  {
    name: 'present-at',
    pattern: new RegExp(`\\bpresent (?:at|in|for) the (?:[\\w-]+ )?${MEETING_NOUN}\\b|\\b(?:were|was) (?:also )?present\\b`, 'i'),
    takes: 'all',
    example: 'Present at the talks from the north side were Kim Yong Chol, vice-chairman of the Central Committee of the Workers\' Party of Korea, and Kim Yo Jong',
  },
  {
    name: 'took-part-in',
    pattern: new RegExp(`\\b(?:took|take|taking|takes) part in the (?:[\\w-]+ ){0,2}${MEETING_NOUN}\\b|\\bparticipated in the (?:[\\w-]+ ){0,2}${MEETING_NOUN}\\b`, 'i'),
    takes: 'all',
    example: 'Last week, US Special Envoy Steve Witkoff, who took part in the talks in Abu Dhabi, told an event in Davos',
  },
  {
    name: 'led-the-delegation',
    pattern: new RegExp(`\\b(?:led|leads|lead|leading|heads|headed|heading|head) (?:the|a|his|her|their|its) (?:[\\w-]+ ){0,3}${DELEGATION_NOUN}\\b`, 'i'),
    takes: 'subject',
    example: 'Deputy Interior Minister Mullah Rahmatullah Najib is heading the Afghan delegation',
  },
  {
    name: 'delegation-led-by',
    pattern: new RegExp(`\\b${DELEGATION_NOUN},? (?:will be |was |is |were |are |being |to be )*(?:led|headed) by\\b`, 'i'),
    takes: 'after',
    example: 'the American team will be headed by US Defence Secretary Llyod Austin and Secretary of State Anthony Blinken',
  },
  {
    name: 'chaired-by',
    pattern: /\b(?:chaired|co-chaired|moderated|mediated|hosted) by\b/i,
    takes: 'after',
    role: 'chair',
    example: 'The talks in Istanbul, chaired by Turkish Foreign Minister Hakan Fidan and attended by American envoys, were held at the historic Dolmabahçe Palace.',
  },
];

export interface PresenceHit {
  cue: PresenceCue;
  refs: string[];
  start: number;
  end: number;
}

/** The people a sentence places at a meeting, by the first cue it matches. */
export function presenceIn(s: SentenceCtx, table: ActorTable, isSpeaker: (s: SentenceCtx, m: Mention) => boolean): PresenceHit | undefined {
  for (const cue of PRESENCE_CUES) {
    const hit = cue.pattern.exec(s.text);
    if (!hit) continue;
    const cueStart = s.start + hit.index;
    const cueEnd = cueStart + hit[0].length;
    const persons = s.mentions.filter((m) => m.type === 'person' && !m.inTitle && !isSpeaker(s, m) && table.refOf.has(m));
    let taken: Mention[];
    if (cue.takes === 'all') taken = persons;
    else if (cue.takes === 'after') taken = persons.filter((m) => s.toks[m.t0]!.start >= cueEnd && !clauseBreakBetween(s, cueEnd, s.toks[m.t0]!.start));
    else {
      // the subject: the people right before the cue, back to the clause's start
      const before = persons.filter((m) => s.toks[m.t1 - 1]!.end <= cueStart && !clauseBreakBetween(s, s.toks[m.t1 - 1]!.end, cueStart));
      taken = before;
    }
    const refs = [...new Set(taken.map((m) => table.refOf.get(m)!))];
    if (refs.length) return { cue, refs, start: cueStart, end: cueEnd };
  }
  return undefined;
}

// "X said that", "while", ";" and "who/which" end the clause a cue reaches into
const CLAUSE_BREAK = /(?:;|\bwhile\b|\bwhereas\b|\bbut\b|\bsaid\b|\bsays\b|\btold\b|\bconfirmed that\b|\bwhich\b|\bwho\b)/i;
function clauseBreakBetween(s: SentenceCtx, from: number, to: number): boolean {
  return CLAUSE_BREAK.test(s.text.slice(from - s.start, to - s.start));
}
