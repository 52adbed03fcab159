import type { GoldSet } from './gold-set';
import { givenNamesConflict, nameTokens, normName, surname } from './names';

/** A predicted actor matched to a name in a gold `ignore` list: neither rewarded nor penalised. */
export const IGNORED = Symbol('ignored');
export type ActorMatch = string | typeof IGNORED | null;

export interface NamedActor {
  name: string;
  aliases: readonly string[];
  kind: string;
}

/**
 * Maps a predicted actor to the gold actor it stands for (its id), to
 * IGNORED, or to null. In order: an ignored name; any actor with an equal
 * normalised name or alias (the first in gold order); for persons, a gold
 * person with the same surname and no conflicting given name; for persons
 * still unmatched, an ignored name with the same surname.
 */
export function matchActor(gold: GoldSet, actor: NamedActor): ActorMatch {
  const forms = [actor.name, ...actor.aliases].filter((f) => f !== '');
  const normalised = forms.map(normName);
  if (normalised.some((f) => gold.ignore.has(f))) return IGNORED;
  for (const [id, g] of gold.actors) if (normalised.some((f) => g.aliases.has(f))) return id;
  if (actor.kind !== 'person') return null;
  for (const [id, g] of gold.actors) {
    if (g.kind !== 'person') continue;
    for (const form of forms)
      for (const alias of g.aliases) {
        // A one-word gold alias has no given name to compare: a full predicted name ("Ivanka Trump")
        // is matched by surname only against full gold names.
        if (alias.split(' ').length < 2 && nameTokens(form).length > 1) continue;
        if (sameSurname(form, alias) && !givenNamesConflict(form, alias)) return id;
      }
  }
  for (const ig of gold.ignore) for (const form of forms) if (sameSurname(form, ig)) return IGNORED;
  return null;
}

const sameSurname = (a: string, b: string) => {
  const s = surname(a);
  return s !== '' && s === surname(b);
};
