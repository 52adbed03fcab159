import * as chrono from 'chrono-node';
import type { SourceDocument } from '../read/document';
import { splitSentences } from './sentences';
import type { ExtractedActor, ExtractedMeeting, Extraction } from './types';

export * from './types';
export { splitSentences } from './sentences';

const COUNTRIES: Record<string, string> = {
  Russia: 'Russia', Russian: 'Russia', Ukraine: 'Ukraine', Ukrainian: 'Ukraine', US: 'United States', 'United States': 'United States',
  American: 'United States', Turkey: 'Turkey', Turkish: 'Turkey', China: 'China', Chinese: 'China', India: 'India', Indian: 'India',
};
const NOT_NAME = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'President', 'Minister', 'Foreign', 'Prime', 'Earlier', 'Speaking']);
const MEETING = /\b(talks|met|meets|meeting|summit|negotiations)\b/i;

/** Baseline extraction: capitalized personal names, countries, and talks between them. */
export function extract(doc: SourceDocument): Extraction {
  const sentences = splitSentences(doc.text);
  const actors = new Map<string, ExtractedActor>();
  const meetings: ExtractedMeeting[] = [];
  const explain: Extraction['explain'] = [];
  const ref = new Date(`${doc.published ?? '1970-01-01'}T12:00:00Z`);
  for (const s of sentences) {
    const inSentence = new Set<string>();
    for (const m of s.text.matchAll(/\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b/g)) {
      const words = m[1]!.split(/\s+/).filter((w) => !NOT_NAME.has(w) && !COUNTRIES[w]);
      if (words.length < 2) continue;
      const name = words.join(' ');
      const a = actors.get(name) ?? { ref: name, name, kind: 'person' as const, aliases: [name], roles: [], mentions: [] };
      a.mentions.push({ sentence: s.text, start: s.start, end: s.end });
      actors.set(name, a);
      inSentence.add(name);
      explain.push({ sentence: s.index, start: s.start + m.index!, end: s.start + m.index! + m[0].length, rule: 'capitalized-name', found: `person ${name}` });
    }
    for (const [word, country] of Object.entries(COUNTRIES)) {
      if (!new RegExp(`\\b${word}\\b`).test(s.text)) continue;
      const a = actors.get(country) ?? { ref: country, name: country, kind: 'country' as const, aliases: [country], roles: [], mentions: [] };
      a.mentions.push({ sentence: s.text, start: s.start, end: s.end });
      actors.set(country, a);
    }
    if (MEETING.test(s.text) && inSentence.size >= 2) {
      const when = chrono.parse(s.text, ref, { forwardDate: false })[0];
      const date = when && doc.published ? when.start.date().toISOString().slice(0, 10) : null;
      meetings.push({
        participants: [...inSentence].map((r) => ({ ref: r })),
        date,
        dateText: when?.text ?? '',
        status: /\b(will|set to|to meet|plan)\b/.test(s.text) ? 'planned' : 'held',
        mode: /\b(call|phone)\b/i.test(s.text) ? 'call' : 'unknown',
        evidence: [{ sentence: s.text, start: s.start, end: s.end }],
      });
      explain.push({ sentence: s.index, start: s.start, end: s.end, rule: 'meeting-word', found: `meeting of ${[...inSentence].join(', ')}` });
    }
  }
  return { doc, actors: [...actors.values()], meetings, positions: [], explain };
}
