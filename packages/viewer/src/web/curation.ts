import type Graph from 'graphology';
import type { CorrectionOp } from '@kg/graph-schema';
import { el, toast } from './dom';
import { nodeText } from './graph-style';

/**
 * The side panel's "Curate" section: what an analyst may correct about the
 * selected node, sent to the viewer's one write endpoint (POST
 * /api/corrections, with this session's write token). After a correction
 * the page reloads, so what the graph shows is what Neo4j now holds.
 */
interface Session {
  writeToken: string;
  corrections: { id: string; op: CorrectionOp; by: string; at: string; target: unknown; undoneBy?: string }[];
}
let session: Promise<Session> | undefined;
const loadSession = () =>
  (session ??= fetch('api/corrections').then(async (r) => {
    const body = (await r.json()) as Session & { error?: string };
    if (!r.ok) throw new Error(body.error ?? `HTTP ${r.status}`);
    return body;
  }));

async function send(body: Record<string, unknown>): Promise<void> {
  const { writeToken } = await loadSession();
  const r = await fetch('api/corrections', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kg-write-token': writeToken }, body: JSON.stringify({ payload: {}, ...body }) });
  const out = (await r.json().catch(() => ({}))) as { error?: string };
  if (!r.ok) throw new Error(out.error ?? `HTTP ${r.status}`);
}

function button(text: string, title: string, run: () => Promise<void>, opts: { deselect?: boolean } = {}): HTMLButtonElement {
  const b = el('button', { class: 'action curate', text, title });
  b.addEventListener('click', () => {
    b.disabled = true;
    run()
      .then(() => {
        // a rejected node is gone: the reloaded page must not try to open it again
        if (opts.deselect) history.replaceState(null, '', location.pathname + location.search);
        location.reload();
      })
      .catch((e: unknown) => {
        toast(`Correction refused: ${(e as Error).message}`, 'error');
        b.disabled = false;
      });
  });
  return b;
}

const reason = (what: string) => window.prompt(`Why ${what}? (kept with the correction)`) ?? undefined;

/** The Curate section for node `key`, or null when the graph is not from Neo4j. */
export function curationSection(graph: Graph, key: string, fromDatabase: boolean): HTMLElement | null {
  if (!fromDatabase) return null;
  const a = graph.getNodeAttributes(key) as Record<string, unknown>;
  const label = String(a.label);
  if (label === 'Article') return null;
  const target = { label, id: String(a.id) };
  const provenance = `${String(a.origin ?? 'extracted')}${a.reviewed ? ', reviewed' : ''}${Array.isArray(a.correctedBy) && a.correctedBy.length ? `, corrected (${a.correctedBy.length})` : ''}`;
  const items: HTMLElement[] = [el('p', { class: 'muted provenance', text: `Provenance: ${provenance}` })];

  if (label === 'Actor') {
    // merge: another actor of the same kind, by name, is folded into this one
    const others = graph.filterNodes((k, b) => k !== key && b.label === 'Actor' && b.kind === a.kind).map((k) => ({ key: k, name: nodeText(graph.getNodeAttributes(k)) })).sort((x, y) => x.name.localeCompare(y.name));
    const select = el('select', { class: 'merge-with', attrs: { 'aria-label': 'Actor to merge into this one' } }, [el('option', { text: 'Merge with…', attrs: { value: '' } }), ...others.map((o) => el('option', { text: o.name, attrs: { value: String(graph.getNodeAttribute(o.key, 'id')) } }))]);
    const merge = button('Merge', 'The chosen actor becomes this one: its meetings, positions, mentions and names move here, for every later ingest too', async () => {
      if (!select.value) throw new Error('choose the actor to merge into this one');
      await send({ op: 'merge', target, payload: { drop: select.value }, reason: reason('merge them') });
    });
    items.push(el('div', { class: 'curate-row' }, [select, merge]));
  }
  items.push(
    el('div', { class: 'curate-row' }, [
      button('Reject', `Hide this ${label.toLowerCase()} from the viewer, queries and exports; no later ingest brings it back`, async () => send({ op: 'reject', target, reason: reason('reject it') }), { deselect: true }),
      button('Confirm', 'Mark it as reviewed', async () => send({ op: 'confirm', target })),
      button('Undo last', 'Undo the most recent correction still in force', async () => {
        const { corrections } = await loadSession();
        const last = [...corrections].reverse().find((c) => !c.undoneBy && c.op !== 'undo');
        if (!last) throw new Error('no correction to undo');
        await send({ op: 'undo', target: { correction: last.id } });
      }),
    ]),
  );
  return el('section', { class: 'curation' }, [el('h3', { text: 'Curate' }), ...items]);
}
