import type Graph from 'graphology';

/**
 * Breadth-first search over ATTENDED edges only, so the chain is made of
 * meetings: Actor → Meeting → Actor → … Returns [] when there is none within
 * `maxMeetings` meetings.
 */
export function meetingChain(graph: Graph, from: string, to: string, maxMeetings: number): string[] {
  if (from === to) return [from];
  const previous = new Map<string, string>([[from, '']]);
  let frontier = [from];
  for (let depth = 0; depth < maxMeetings * 2 && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const edge of graph.edges(node)) {
        if (graph.getEdgeAttribute(edge, 'type') !== 'ATTENDED') continue;
        const other = graph.opposite(node, edge);
        if (previous.has(other)) continue;
        previous.set(other, node);
        if (other === to) {
          const path = [to];
          for (let k = node; k; k = previous.get(k) ?? '') path.unshift(k);
          return path;
        }
        next.push(other);
      }
    }
    frontier = next;
  }
  return [];
}
