// The patterns the functions below test, built once: a pattern written inside a function is a new
// RegExp object at every evaluation (allocated, and collected again), and these run per token or line.
const RE_NAMED_DOCUMENT = /\b((?:[A-Z][\w'-]+ )*(?:Formula|Declaration|Accords?|Agreement|Plan|Initiative|Protocol|Charter|Roadmap|Framework))\b/;

/**
 * The object of a position as an Issue with a normalized name, so that
 * positions from different articles about the same thing meet on one node.
 * A named plan or document ("the Peace Formula", "the Jeddah Declaration")
 * is its own issue; otherwise the first matching topic below, in order.
 */
const TOPICS: [RegExp, string][] = [
  [/\bnato\b/i, 'NATO membership'],
  [/\bsecurity guarantees?\b/i, 'security guarantees'],
  [/\bfrozen (russian )?assets\b/i, 'frozen assets'],
  [/\b(ceasefire|cease-fire|truce|armistice)\b/i, 'ceasefire'],
  [/\b(prisoners?|captives|swap)\b/i, 'prisoner exchange'],
  [/\b(sanctions?)\b/i, 'sanctions'],
  [/\b(nuclear weapons?|denucleari[sz]ation|de-nuclearisation)\b/i, 'nuclear weapons'],
  [/\b(enrichment|uranium)\b/i, 'uranium enrichment'],
  [/\bnuclear (program|programme|complex|energy)\b/i, 'nuclear program'],
  [/\b(territor(y|ies|ial)|annex(ation|ed)?|borders?|land)\b/i, 'territory'],
  [/\b(war crimes?|accountability)\b/i, 'accountability for war crimes'],
  [/\b(surrender|capitulation)\b/i, 'surrender'],
  [/\b(direct talks|meet in person|face-to-face|summit|meeting at the level of leaders|preliminary meeting|another round|next round|negotiations?)\b/i, 'talks'],
  [/\b(independence)\b/i, 'independence'],
  [/\b(fentanyl|narcotics|opioid)\b/i, 'fentanyl'],
  [/\b(military-to-military|military communications?|military contacts)\b/i, 'military communication'],
  [/\b(artificial intelligence|\bai\b)\b/i, 'artificial intelligence'],
  [/\b(deport\w*|migrants?)\b/i, 'deportations'],
  [/\b(recogni[sz]\w*)\b/i, 'recognition'],
  [/\b(humanitarian)\b/i, 'humanitarian aid'],
  [/\b(peace (plan|proposal|deal|framework|blueprint|draft|agreement|effort|efforts|process)|blueprint|28-point|framework|proposals?|plan)\b/i, 'peace plan'],
  [/\b(amendments?)\b/i, 'amendments'],
  [/\b(peace)\b/i, 'peace'],
];

export function issueOf(text: string): string | undefined {
  // a named document or plan: "the Peace Formula", "the Jeddah Declaration", "the Minsk agreements"
  const named = RE_NAMED_DOCUMENT.exec(text);
  if (named && named[1]!.split(' ').length >= 2) return named[1];
  for (const [re, name] of TOPICS) if (re.test(text)) return name;
  return undefined;
}
