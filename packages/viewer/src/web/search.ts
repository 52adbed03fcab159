import type Graph from 'graphology';
import type { ActorHit } from '../shared/api-types';
import { normalize, scoreActor } from '../shared/actor-match';
import { el } from './dom';
import { KIND_COLOR } from './graph-style';
import type { ActorKind } from '@kg/graph-schema';

/** Actors of the loaded graph, for instant suggestions while typing. */
export function searchLocal(graph: Graph, query: string, limit = 8): ActorHit[] {
  const q = normalize(query);
  if (!q) return [];
  const hits: ActorHit[] = [];
  graph.forEachNode((key, a) => {
    if (a.label !== 'Actor') return;
    const score = scoreActor({ name: a.name as string, aliases: a.aliases as string[] | undefined }, q);
    if (score > 0) hits.push({ key, name: a.name as string, kind: a.kind as string, aliases: (a.aliases as string[]) ?? [], score });
  });
  return hits.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)).slice(0, limit);
}

export interface SearchOptions {
  local(query: string): ActorHit[];
  /** Asks the server (Neo4j full-text index) for actors the browser has not loaded; absent in offline mode. */
  remote?(query: string, signal: AbortSignal): Promise<ActorHit[]>;
  onChoose(hit: ActorHit): void;
}

/**
 * Search box with autocomplete: local matches at once, server matches merged
 * in when they arrive. Arrow keys move, Enter picks, Esc closes.
 */
export function mountSearch(input: HTMLInputElement, list: HTMLElement, opts: SearchOptions): { clear(): void } {
  let hits: ActorHit[] = [];
  let active = 0;
  let pending: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = () => {
    list.replaceChildren(
      ...hits.map((h, i) => {
        const alias = h.aliases.find((a) => a !== h.name && normalize(a).includes(normalize(input.value)));
        const item = el('li', { class: i === active ? 'active' : '', attrs: { role: 'option', 'data-key': h.key } }, [
          el('span', { class: 'dot', attrs: { style: `background:${KIND_COLOR[h.kind as ActorKind] ?? '#888'}` } }),
          el('span', { class: 'name', text: h.name }),
          alias ? el('span', { class: 'alias', text: `aka ${alias}` }) : null,
          el('span', { class: 'kind', text: h.kind }),
        ]);
        // mousedown, not click: it fires before the input's blur closes the list.
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(h);
        });
        return item;
      }),
    );
    if (!hits.length && input.value.trim()) list.append(el('li', { class: 'empty', text: 'No actor found' }));
    list.hidden = !input.value.trim() || document.activeElement !== input;
  };

  const choose = (h: ActorHit) => {
    input.value = h.name;
    list.hidden = true;
    opts.onChoose(h);
  };

  const update = () => {
    const q = input.value;
    hits = opts.local(q);
    active = 0;
    render();
    pending?.abort();
    clearTimeout(timer);
    if (!opts.remote || !q.trim()) return;
    const ctrl = (pending = new AbortController());
    timer = setTimeout(() => {
      opts.remote!(q, ctrl.signal)
        .then((remote) => {
          if (ctrl.signal.aborted) return;
          const seen = new Set(hits.map((h) => h.key));
          hits = [...hits, ...remote.filter((h) => !seen.has(h.key))].slice(0, 10);
          render();
        })
        .catch(() => {}); // suggestions are best effort; local ones are already shown
    }, 150);
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', update);
  input.addEventListener('blur', () => (list.hidden = true));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      const h = hits[active];
      if (h) choose(h);
    }
  });

  return {
    clear() {
      input.value = '';
      hits = [];
      pending?.abort();
      list.hidden = true;
    },
  };
}
