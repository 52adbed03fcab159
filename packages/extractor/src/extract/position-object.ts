/**
 * What a position is about, in a few words, for its label ("Putin · opposes ·
 * European amendments"): the noun phrase after the stance words of the
 * statement ("called for an immediate ceasefire" → "immediate ceasefire"),
 * cut at the first clause boundary; else the topic extraction named.
 */
const STANCE_WORDS =
  /\b(?:supports?|supported|backs?|backed|welcomed?|endorsed?|opposes?|opposed|rejects?|rejected|condemned?|denounced?|blasted|slammed|critici[sz]ed|demands?|demanded|calls? for|called for|urged?|insists? on|insisted on|proposes?|proposed|offered|suggested|agreed (?:on|to)|committed to|reaffirmed|stressed|emphasi[sz]ed|(?:is|was|are|were) against|in favou?r of)\s+/i;
const CLAUSE_END = /\s*(?:[,;:.!?()"“”]|\s(?:that|which|who|because|while|but|after|before|if|unless|as|and said|saying|adding)\b)/i;
const LEADING = /^(?:the need (?:for|to)|the|a|an|its|their|his|her)\s+/i;
const NOT_AN_OBJECT = /^(?:that|which|who|whom|are|is|was|were|be|been)\b/i;
const MAX_WORDS = 6;

export function positionObject(statement: string, topic?: string): string | undefined {
  const m = STANCE_WORDS.exec(statement);
  if (!m) return topic;
  let rest = statement.slice(m.index + m[0].length);
  const end = CLAUSE_END.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  rest = rest.replace(LEADING, '').trim();
  // "demands that are hard to reconcile": the stance word was a noun, its "object" a clause
  if (NOT_AN_OBJECT.test(rest)) return topic;
  const words = rest.split(/\s+/).filter(Boolean);
  if (!words.length) return topic;
  return words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join(' ')}…` : words.join(' ');
}
