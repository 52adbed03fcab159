import { positionLabel } from '@kg/graph-schema';
import type { SourceDocument } from '../read/document';
import { positionObject } from './position-object';
import { buildActors, type ActorTable, type SentenceCtx } from './actors';
import { datelineDate, findDates, type DateExpr } from './dates';
import { KB, type EntityKind } from './knowledge';
import { analyzeLayout } from './layout';
import { findMeetings } from './meetings';
import { findMentions } from './mentions';
import { findPositions } from './positions';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import type { ExplainEntry, ExtractedActor, ExtractedMeeting, ExtractedPosition, Extraction } from './types';

export * from './types';

const DATE_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|week|weekend|month|year|ago)|\d(st|nd|rd|th)\b/i;
export { splitSentences } from './sentences';

/**
 * Extraction of one article, as a pipeline of small stages:
 *   layout (what is body, what is chrome; the dateline)
 *   → sentences → tokens → mentions (gazetteers, titles, names)
 *   → actors (who is who in the article) → meetings → positions.
 * A pure function of the document: the knowledge files are loaded once at
 * module level (knowledge.ts), so this runs unchanged in worker threads.
 */
export function extract(doc: SourceDocument): Extraction {
  const text = doc.text;
  const layout = analyzeLayout(text);
  const acronyms = new Map<string, string>();
  const acronymKinds = new Map<string, EntityKind>();
  const sentences: (SentenceCtx & { dates: DateExpr[] })[] = [];
  for (const s of splitSentences(text)) {
    if (s.start >= layout.chromeStart) break; // "Related Articles", "Hot this week": never read
    const body = layout.zoneOf(s.start) === 'body';
    const toks = tokenize(s.text, s.start);
    // the dateline ("ISTANBUL, Türkiye —") says where the reporter is, not who acts
    const dlEnd = layout.dateline && s.start <= layout.dateline.start && s.end > layout.dateline.start ? layout.dateline.end : -1;
    const ms = body ? findMentions(toks, s.index, acronyms, acronymKinds) : { mentions: [], owner: new Int32Array(toks.length).fill(-1), acronyms: [] };
    if (dlEnd > 0)
      ms.mentions.forEach((m, k) => {
        if (m.start < dlEnd) {
          m.type = 'place';
          for (let q = 0; q < ms.owner.length; q++) if (ms.owner[q] === k) ms.owner[q] = -1;
        }
      });
    // dates are only looked for where a month, a weekday or a deictic word occurs
    const dated = body && DATE_WORD.test(s.text);
    sentences.push({ index: s.index, start: s.start, end: s.end, text: s.text, toks, mentions: ms.mentions, owner: ms.owner, body, dates: dated ? findDates(toks) : [] });
  }
  const table = buildActors(sentences);
  const dl = layout.dateline;
  const refDate = datelineDate(dl?.dateText, doc.published) ?? doc.published;
  const dlEntry = dl ? KB.forms.get(dl.city) : undefined;
  const datelineCity = dlEntry && (dlEntry.type === 'capital' || dlEntry.type === 'city' || dlEntry.type === 'seat') ? dlEntry.city : dl && !dlEntry ? dl.city : undefined;
  const meetings = findMeetings({ sentences, table, refDate, ...(datelineCity ? { datelineCity } : {}) });
  const positions = findPositions({ sentences, table, refDate });

  // -- actors worth a node: every person; countries, organizations and groups that take part
  //    in something (a meeting, a position, an affiliation)
  const used = new Set<string>();
  for (const m of meetings) m.participants.forEach((p) => used.add(p));
  for (const p of positions) used.add(p.holder);
  for (const a of table.actors.values()) {
    if (a.kind === 'person' && a.mentions.length) used.add(a.ref);
    if (a.kind === 'person' && a.affiliation) used.add(a.affiliation.type === 'country' ? `country:${a.affiliation.key}` : refByName(table, a.affiliation.key));
  }
  const explain: ExplainEntry[] = [];
  const byStart = new Map(sentences.map((s) => [s.start, s.index]));
  const actors: ExtractedActor[] = [];
  for (const a of table.actors.values()) {
    if (!used.has(a.ref) || !a.mentions.length) continue;
    const aff = a.affiliation ? (a.affiliation.type === 'country' ? `country:${a.affiliation.key}` : refByName(table, a.affiliation.key)) : '';
    actors.push({
      ref: a.ref,
      name: a.name,
      kind: a.kind,
      aliases: [...a.aliases],
      roles: [...a.roles],
      ...(aff && table.actors.has(aff) ? { affiliation: { ref: aff, ...(a.roles.size ? { role: [...a.roles][0]! } : {}) } } : {}),
      mentions: a.mentions,
    });
    const first = a.mentions[0]!;
    explain.push({
      sentence: byStart.get(first.start) ?? 0,
      start: first.start,
      end: first.end,
      rule: a.rule,
      // built only when read (--explain): most extractions never read it
      get found() {
        return `${a.kind} "${a.name}"${a.roles.size ? ` — ${[...a.roles].join('; ')}` : ''}${a.affiliation ? ` (of ${a.affiliation.key})` : ''}${a.aliases.size > 1 ? `, also "${[...a.aliases].filter((x) => x !== a.name).join('", "')}"` : ''}`;
      },
    });
  }
  const kept = new Set(actors.map((a) => a.ref));
  const outMeetings: ExtractedMeeting[] = meetings.map((m) => {
    const participants = [...m.participants].filter((p) => kept.has(p)).map((ref) => ({ ref, ...(m.roles.get(ref) ? { role: m.roles.get(ref)! } : {}) }));
    for (const e of m.evidence)
      explain.push({
        sentence: byStart.get(e.start) ?? 0,
        start: e.start,
        end: e.end,
        rule: m.rule,
        get found() {
          return `meeting (${m.status}, ${m.mode}) of ${participants.map((p) => nameOf(table, p.ref)).join(', ')}${m.date ? ` on ${m.date}` : m.dateText ? ` "${m.dateText}" (date not fixed)` : ''}${m.place ? ` in ${m.place.name}` : ''}`;
        },
      });
    return {
      participants,
      date: m.date,
      dateText: m.dateText,
      status: m.status,
      mode: m.mode,
      ...(m.place ? { place: { name: m.place.name, ...(m.place.country && m.place.country !== m.place.name ? { country: m.place.country } : {}) } } : {}),
      ...(m.duration ? { duration: m.duration } : {}),
      ...(m.outcome ? { outcome: m.outcome } : {}),
      ...(m.ordinal ? { ordinal: m.ordinal } : {}),
      summary: m.evidence[0]!.sentence.slice(0, 300),
      evidence: m.evidence,
    };
  });
  const outPositions: ExtractedPosition[] = positions
    .filter((p) => kept.has(p.holder))
    .map((p) => {
      explain.push({ sentence: byStart.get(p.evidence.start) ?? 0, start: p.evidence.start, end: p.evidence.end, rule: p.rule,
        get found() {
          return `${positionLabel({ holder: nameOf(table, p.holder), stance: p.stance, object: positionObject(p.statement, p.issue), statement: p.statement })} — "${p.statement}"`;
        },
      });
      return { holder: p.holder, stance: p.stance, statement: p.statement, ...(p.issue ? { issue: p.issue } : {}), date: p.date ?? null, evidence: p.evidence };
    });
  explain.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  return { doc, actors, meetings: outMeetings.filter((m) => m.participants.length), positions: outPositions, explain };
}

// (module-level, not closures in extract: under the transform that runs this code, a named closure
// costs a property definition each time it is made)
function refByName(table: ActorTable, name: string): string {
  for (const a of table.actors.values()) if (a.kind !== 'person' && a.name === name) return a.ref;
  return '';
}
function nameOf(table: ActorTable, r: string): string {
  return table.actors.get(r)?.name ?? r;
}
