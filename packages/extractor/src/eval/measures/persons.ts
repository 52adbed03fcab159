import { IGNORED } from '../actor-match';
import type { GoldSet } from '../gold-set';
import type { PredictedGraph } from '../predicted';
import { prf, type Prf } from './prf';

export interface PersonErrors {
  /** Gold person ids no predicted person matched. */
  missed: string[];
  /** Predicted persons that match no gold person, or one already matched. */
  spurious: string[];
}

/**
 * Persons: each gold person is found at most once. A second predicted person
 * matching the same gold person is a false positive (a duplicate the resolver
 * failed to merge), as is one matching a gold actor that is not a person.
 */
export function scorePersons(gold: GoldSet, pred: PredictedGraph): { figures: Prf; errors: PersonErrors } {
  const goldPersons = [...gold.actors.values()].filter((a) => a.kind === 'person').map((a) => a.id);
  const found = new Set<string>();
  const spurious: string[] = [];
  for (const a of pred.actors) {
    if (!a.isPerson || a.match === IGNORED) continue;
    const g = a.match === null ? undefined : gold.actors.get(a.match);
    if (g?.kind === 'person' && !found.has(g.id)) found.add(g.id);
    else if (!g) spurious.push(a.name);
    else spurious.push(`${a.name} (${g.kind === 'person' ? `duplicate of ${g.id}` : `matches ${g.id}, not a person in the gold`})`);
  }
  const missed = goldPersons.filter((id) => !found.has(id));
  return { figures: prf(found.size, spurious.length, missed.length), errors: { missed, spurious } };
}
