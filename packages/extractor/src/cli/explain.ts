import type { Extraction } from '../extract/types';
import { splitSentences } from '../extract/sentences';

/**
 * Prints, sentence by sentence, what extraction found and which rule found
 * it, so a user can see why a fact is (or is not) in the graph.
 */
export function formatExplanation(x: Extraction): string {
  const lines = [`# ${x.doc.source}  (${x.doc.title || 'untitled'}; published ${x.doc.published ?? 'unknown'})`];
  const bySentence = new Map<number, typeof x.explain>();
  for (const e of x.explain) bySentence.set(e.sentence, [...(bySentence.get(e.sentence) ?? []), e]);
  for (const s of splitSentences(x.doc.text)) {
    const found = bySentence.get(s.index);
    if (!found?.length) continue;
    lines.push(`\n[${s.index}] ${s.text.replace(/\s+/g, ' ')}`);
    for (const e of found) lines.push(`    ${e.rule.padEnd(24)} ${e.found}`);
  }
  lines.push(
    `\n= ${x.actors.length} actors, ${x.meetings.length} meetings, ${x.positions.length} positions`,
  );
  return lines.join('\n');
}
