import type { NodeLabel, NodeProps } from './nodes';

/**
 * How a node seen again (in another article, or in a re-run) combines with
 * what is already known. Both the in-memory graph and the Neo4j writer follow
 * these rules, so a file export and the database agree.
 *  - lists (aliases, roles) are unions, in first-seen order;
 *  - a value that was missing is filled in; a value already set is kept,
 *    except that an actor's fuller name replaces a shorter one, a meeting reported as held overrides planned/proposed and a
 *    date found later fills a null date.
 */
export function mergeProps<L extends NodeLabel>(label: L, old: NodeProps[L], next: NodeProps[L]): NodeProps[L] {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(next)) {
    const cur = out[k];
    if (Array.isArray(cur) && Array.isArray(v)) out[k] = union(cur, v);
    else if (cur === undefined || cur === null || cur === '') out[k] = v;
  }
  if (label === 'Actor') {
    // "Putin" seen first, "Vladimir Putin" later: the fuller name wins.
    const o = old as NodeProps['Actor'];
    const n = next as NodeProps['Actor'];
    if (wordCount(n.name) > wordCount(o.name)) out.name = n.name;
  }
  if (label === 'Meeting') {
    const o = old as NodeProps['Meeting'];
    const n = next as NodeProps['Meeting'];
    if (n.status === 'held' && o.status !== 'held') out.status = 'held';
  }
  return out as NodeProps[L];
}

export function union<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

const wordCount = (s: string) => s.trim().split(/\s+/).length;
