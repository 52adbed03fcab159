import type Graph from 'graphology';
import { EXPORT_FORMATS, type ExportFormatName } from '../../shared/query-types';
import { el } from '../dom';
import { exportFile } from './client';

/**
 * Export from the viewer: the nodes of the current view (what the filters
 * leave visible) or of the selection (the selected node and its neighbours,
 * or a chain), with the relationships among them, in one of @kg/export's
 * formats. The server reads them from its source and writes the file; the
 * result is a download link (clicked for the reader).
 */

/** What export needs of the running viewer (main.ts's Viewer). */
export interface ViewLike {
  state: { view: string };
  model: { graph: Graph; projection: Graph };
  render: { hiddenNodes: Set<string>; hiddenEdges: Set<string>; focus: Set<string> | null };
}

const FORMAT_LABEL: Record<ExportFormatName, string> = {
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
  json: 'graphology JSON (kg graph file)',
  csv: 'CSV for neo4j-admin (zip)',
  cypher: 'Cypher script',
};
const EXTENSION: Record<ExportFormatName, string> = { gexf: '.gexf', graphml: '.graphml', json: '.json', csv: '.zip', cypher: '.cypher' };

/** Node keys of the full graph that the view shows; in the who-met-whom view, the actors shown and the meetings behind the links shown. */
export function viewKeys(v: ViewLike, only?: Set<string>): string[] {
  const keys = new Set<string>();
  if (v.state.view === 'projection') {
    const p = v.model.projection;
    const shown = (k: string) => !v.render.hiddenNodes.has(k) && (!only || only.has(k));
    p.forEachNode((k) => {
      if (shown(k)) keys.add(k);
    });
    p.forEachEdge((e, a, s, t) => {
      if (v.render.hiddenEdges.has(e) || !shown(s) || !shown(t)) return;
      for (const m of (a.meetings ?? []) as { key: string }[]) keys.add(m.key);
    });
  } else
    v.model.graph.forEachNode((k) => {
      if (!v.render.hiddenNodes.has(k) && (!only || only.has(k))) keys.add(k);
    });
  return [...keys].filter((k) => v.model.graph.hasNode(k));
}

export function mountExport(root: HTMLElement, button: HTMLElement, current: () => ViewLike | undefined): { close(): void } {
  const formats = el(
    'select',
    { attrs: { 'aria-label': 'Format', name: 'format' } },
    EXPORT_FORMATS.map((f) => el('option', { text: FORMAT_LABEL[f], attrs: { value: f } })),
  );
  const scopeView = el('input', { attrs: { type: 'radio', name: 'export-scope', value: 'view' } });
  const scopeSel = el('input', { attrs: { type: 'radio', name: 'export-scope', value: 'selection' } });
  const viewText = el('span');
  const selText = el('span');
  const go = el('button', { class: 'primary', text: 'Export', attrs: { type: 'button' } });
  const result = el('div', { class: 'export-result', attrs: { 'aria-live': 'polite' } });
  const closeButton = el('button', { class: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close' } });
  root.replaceChildren(
    el('header', {}, [el('h2', { text: 'Export' }), closeButton]),
    el('label', { class: 'scope' }, [scopeView, viewText]),
    el('label', { class: 'scope' }, [scopeSel, selText]),
    el('label', { class: 'format' }, [el('span', { class: 'muted', text: 'Format' }), formats]),
    el('div', { class: 'export-actions' }, [go]),
    result,
  );
  let lastUrl: string | undefined;

  function refresh(): void {
    const v = current();
    const viewCount = v ? viewKeys(v).length : 0;
    const sel = v?.render.focus;
    const selCount = v && sel ? viewKeys(v, sel).length : 0;
    viewText.textContent = `Current view (${viewCount.toLocaleString('en')} node${viewCount === 1 ? '' : 's'})`;
    selText.textContent = selCount ? `Selection (${selCount.toLocaleString('en')} node${selCount === 1 ? '' : 's'})` : 'Selection (nothing selected)';
    scopeSel.disabled = !selCount;
    if (!selCount || !scopeSel.checked) scopeView.checked = true;
    go.disabled = !viewCount;
  }

  async function doExport(): Promise<void> {
    const v = current();
    if (!v) return;
    const selection = scopeSel.checked && v.render.focus ? v.render.focus : undefined;
    const keys = viewKeys(v, selection);
    const format = formats.value as ExportFormatName;
    const name = `kg-${selection ? 'selection' : 'view'}-${new Date().toISOString().slice(0, 10)}`;
    go.disabled = true;
    result.replaceChildren(el('span', { class: 'muted', text: 'Exporting…' }));
    try {
      const { blob, counts } = await exportFile({ format, keys, name });
      if (lastUrl) URL.revokeObjectURL(lastUrl);
      lastUrl = URL.createObjectURL(blob);
      const file = `${name}${EXTENSION[format]}`;
      const link = el('a', { class: 'download-link', text: `Download ${file}`, attrs: { href: lastUrl, download: file } });
      const size = blob.size < 1024 ? `${blob.size} B` : `${(blob.size / 1024).toFixed(blob.size < 10240 ? 1 : 0)} KB`;
      const what = counts.replace(/nodes=(\d+); relationships=(\d+)/, '$1 nodes, $2 relationships');
      result.replaceChildren(link, el('div', { class: 'muted', text: [what, size].filter(Boolean).join(' · ') }));
      result.scrollIntoView({ block: 'nearest' });
      link.click();
    } catch (e) {
      result.replaceChildren(el('div', { class: 'error', text: `Export failed: ${(e as Error).message}` }));
    } finally {
      go.disabled = false;
    }
  }

  const close = () => {
    // Focus must not stay in the hidden dialog, whose keys do not reach the page's shortcuts.
    if (root.contains(document.activeElement)) button.focus();
    root.hidden = true;
    button.classList.remove('active');
  };
  button.addEventListener('click', () => {
    if (!root.hidden) return close();
    refresh();
    result.replaceChildren();
    root.hidden = false;
    button.classList.add('active');
    root.scrollIntoView({ block: 'nearest' });
  });
  closeButton.addEventListener('click', close);
  go.addEventListener('click', () => void doExport());
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    e.stopPropagation();
  });
  return { close };
}
