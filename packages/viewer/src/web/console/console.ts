import { EXAMPLE_QUERIES, exampleParams, type ExampleQuery } from '@kg/export/examples';
import type { SerializedGraph } from '@kg/graph-schema';
import { toSpreadsheetCsv } from '@kg/export/table-csv';
import type { QueryCapabilities, QueryResponse } from '../../shared/query-types';
import { byId, el } from '../dom';
import { QueryFailed, queryCapabilities, runQuery } from './client';
import type { CypherEditor } from './editor';
import { formatValue, valueClass } from './format';
import { paramNames, parseParamValue, showParamValue } from './params';

/**
 * The query console: a drawer under the graph with the Cypher editor, the
 * saved example queries (with their parameters), and the result. A result
 * holding nodes or relationships is drawn as a graph in place of the current
 * one (the banner above the graph leads back); every result is also listed
 * as a table, as plain text. Queries run read-only on the server: a write
 * comes back refused, with Neo4j's reason.
 */
export interface ConsoleHost {
  /** Draws a result's graph in place of the current view; the view before the first result is kept. */
  showGraph(graph: SerializedGraph): void;
  /** Back to the view kept by showGraph. */
  restore(): void;
  /** The stage changed size (the console opened or closed): the renderer re-measures. */
  resized(): void;
}

const FAILURE_TITLE: Partial<Record<NonNullable<QueryFailed['reason']>, string>> = {
  write: 'Refused: the console runs queries read-only',
  'loads-url': 'Refused: the console does not load from URLs or files',
  timeout: 'Stopped: the query ran past the time-out',
  syntax: 'The query has an error',
  'no-database': 'Queries need Neo4j',
};

/** Rows drawn into the table at most: the DOM, not the data, is what gets slow. */
const TABLE_ROWS = 500;

export interface QueryConsole {
  open(): void;
  close(): void;
  toggle(): void;
  /** Forget the kept view (another graph was opened). */
  reset(): void;
}

export function mountConsole(root: HTMLElement, host: ConsoleHost): QueryConsole {
  let caps: QueryCapabilities | undefined;
  let editor: CypherEditor | undefined;
  let editorLoading: Promise<CypherEditor> | undefined;
  let running: AbortController | undefined;
  let currentExample: ExampleQuery | undefined;
  let lastResult: QueryResponse | undefined;
  let csvUrl: string | undefined;
  const values = new Map<string, string>();
  const stage = byId('stage');
  const banner = byId('query-banner');

  // ---- DOM ----
  const runButton = el('button', { class: 'run', text: 'Run', attrs: { type: 'button', title: 'Run the query (Ctrl+Enter)' } }, [el('kbd', { text: navigator.platform.startsWith('Mac') ? '⌘↵' : 'Ctrl+↵' })]);
  const closeButton = el('button', { class: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close the query console' } });
  const csvButton = el('button', { class: 'csv', text: 'CSV', attrs: { type: 'button', title: 'Download the rows as CSV, for spreadsheets', disabled: '' } });
  const limits = el('span', { class: 'muted console-limits' });
  const examples = el('ul', { class: 'console-examples' });
  const editorHost = el('div', { class: 'console-editor' });
  const params = el('div', { class: 'console-params' });
  const status = el('div', { class: 'console-status', attrs: { role: 'status' } });
  const message = el('div', { class: 'console-message', attrs: { role: 'alert' } });
  const table = el('div', { class: 'console-table' });
  message.hidden = true;
  root.replaceChildren(
    el('header', { class: 'console-head' }, [el('h2', { text: 'Cypher query' }), limits, el('span', { class: 'spacer' }), csvButton, runButton, closeButton]),
    el('div', { class: 'console-body' }, [
      el('nav', { class: 'console-side', attrs: { 'aria-label': 'Example queries' } }, [el('h3', { text: 'Examples' }), examples]),
      el('div', { class: 'console-edit' }, [editorHost, params]),
      el('div', { class: 'console-result' }, [status, message, table]),
    ]),
  );

  for (const ex of EXAMPLE_QUERIES) {
    const b = el('button', { attrs: { type: 'button', 'data-example': ex.name }, title: ex.description }, [
      el('span', { class: 'ex-title', text: ex.title }),
      el('span', { class: 'ex-params muted', text: Object.keys(ex.params).length ? Object.keys(ex.params).map((p) => `$${p}`).join(' ') : 'no parameters' }),
    ]);
    b.addEventListener('click', () => void loadExample(ex));
    examples.append(el('li', {}, [b]));
  }

  runButton.addEventListener('click', () => void run());
  csvButton.addEventListener('click', () => downloadCsv());
  closeButton.addEventListener('click', () => close());
  // The page's own shortcuts (/ for search, Esc) must not fire while typing a query.
  root.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !e.defaultPrevented) {
      e.preventDefault();
      void run();
    }
    e.stopPropagation();
  });
  byId('query-back').addEventListener('click', () => back());

  // ---- editor and parameters ----
  /** CodeMirror is a chunk of its own, loaded when the console first opens: the graph's first paint does not parse it. */
  function ensureEditor(): Promise<CypherEditor> {
    editorLoading ??= import('./editor').then(({ createEditor }) => (editor = createEditor(editorHost, { doc: '', onRun: () => void run(), onChange: renderParams })));
    return editorLoading;
  }

  async function loadExample(ex: ExampleQuery): Promise<void> {
    const ed = await ensureEditor();
    currentExample = ex;
    for (const [k, v] of Object.entries(exampleParams(ex))) values.set(k, v);
    ed.set(ex.cypher);
    for (const b of examples.querySelectorAll('button')) b.classList.toggle('active', b.dataset.example === ex.name);
    renderParams();
    ed.focus();
  }

  let shownParams = '';
  function renderParams(): void {
    const names = editor ? paramNames(editor.get()) : [];
    if (currentExample && editor?.get() !== currentExample.cypher) {
      currentExample = undefined;
      for (const b of examples.querySelectorAll('button')) b.classList.remove('active');
    }
    if (names.join('\u0000') === shownParams) return;
    shownParams = names.join('\u0000');
    params.replaceChildren(
      ...(names.length ? [el('div', { class: 'params-title', text: 'Parameters' }, [el('span', { class: 'muted', text: ' · JSON or text' })])] : []),
      ...names.map((name) => {
        const described = EXAMPLE_QUERIES.find((q) => q.params[name])?.params[name];
        const input = el('input', {
          attrs: { type: 'text', 'data-param': name, spellcheck: 'false', autocomplete: 'off', placeholder: described?.description ?? 'value', 'aria-label': `Parameter ${name}` },
        });
        input.value = values.get(name) ?? '';
        input.addEventListener('input', () => values.set(name, input.value));
        return el('label', { class: 'param' }, [el('span', { class: 'param-name', text: `$${name}` }), input]);
      }),
    );
  }

  // ---- running ----
  async function run(): Promise<void> {
    const ed = await ensureEditor();
    if (!caps) caps = await queryCapabilities().catch((e: Error) => ({ available: false as const, message: e.message }));
    if (!caps.available) return showMessage('Queries need Neo4j', caps.message, 'info');
    const cypher = ed.get();
    if (!cypher.trim()) return showMessage('Nothing to run', 'Type a Cypher query, or pick an example on the left.', 'info');
    const names = paramNames(cypher);
    const missing = names.filter((n) => (values.get(n) ?? '').trim() === '');
    if (missing.length) return showMessage('Missing parameters', `Give a value for ${missing.map((n) => `$${n}`).join(', ')}.`, 'info');
    const p = Object.fromEntries(names.map((n) => [n, parseParamValue(values.get(n) ?? '')]));
    running?.abort();
    const ctrl = (running = new AbortController());
    root.classList.add('running');
    status.textContent = 'Running…';
    message.hidden = true;
    try {
      const res = await runQuery(cypher, p, ctrl.signal);
      if (ctrl !== running) return;
      showResult(res);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || ctrl !== running) return;
      status.textContent = '';
      table.replaceChildren();
      lastResult = undefined;
      csvButton.disabled = true;
      const reason = e instanceof QueryFailed ? e.reason : 'failed';
      const title = (reason && FAILURE_TITLE[reason]) || 'The query failed';
      showMessage(title, (e as Error).message, reason === 'no-database' ? 'info' : 'error', reason);
    } finally {
      if (ctrl === running) {
        running = undefined;
        root.classList.remove('running');
        // Counts finished runs: tests (and the curious) wait on it.
        root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
      }
    }
  }

  function showMessage(title: string, text: string, kind: 'info' | 'error', reason?: string): void {
    message.className = `console-message ${kind}`;
    message.dataset.reason = reason ?? '';
    message.replaceChildren(el('strong', { text: title }), el('div', { text }));
    message.hidden = false;
  }

  function showResult(res: QueryResponse): void {
    lastResult = res;
    csvButton.disabled = !res.columns.length;
    const n = res.rows.length;
    const parts = [`${n.toLocaleString('en')} row${n === 1 ? '' : 's'}`, `${res.elapsedMs.toLocaleString('en')} ms`];
    if (res.truncated) parts.push(`cut at the row limit of ${res.limit.toLocaleString('en')}`);
    const graph = res.graph;
    if (graph && graph.nodes.length) {
      parts.push(`drawn: ${graph.nodes.length.toLocaleString('en')} node${graph.nodes.length === 1 ? '' : 's'}, ${graph.edges.length.toLocaleString('en')} relationship${graph.edges.length === 1 ? '' : 's'}`);
      host.showGraph(graph);
      byId('query-banner-text').textContent = `Query result: ${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} relationships`;
      banner.hidden = false;
    }
    status.textContent = parts.join(' · ');
    status.dataset.rows = String(n);
    if (res.warnings.length) showMessage('Note', res.warnings.join(' '), 'info');
    table.replaceChildren(renderTable(res));
  }

  function renderTable(res: QueryResponse): HTMLElement {
    if (!res.columns.length) return el('p', { class: 'muted', text: 'The query returns no columns.' });
    if (!res.rows.length) return el('p', { class: 'muted', text: 'No rows.' });
    const head = el('tr', {}, [el('th', { class: 'rownum', text: '#' }), ...res.columns.map((c) => el('th', { text: c }))]);
    const body = res.rows.slice(0, TABLE_ROWS).map((row, i) =>
      el('tr', {}, [
        el('td', { class: 'rownum', text: String(i + 1) }),
        ...res.columns.map((c) => {
          const text = formatValue(row[c]);
          return el('td', { class: valueClass(row[c]), text: text.length > 400 ? `${text.slice(0, 399)}…` : text, title: text.length > 60 ? text.slice(0, 2000) : undefined });
        }),
      ]),
    );
    const more = res.rows.length > TABLE_ROWS ? el('p', { class: 'muted', text: `The first ${TABLE_ROWS} of ${res.rows.length.toLocaleString('en')} rows are shown.` }) : null;
    return el('div', {}, [el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)]), more]);
  }

  /** Every row received (not only the ones drawn), with formula-like cells neutralised (table-csv.ts). */
  function downloadCsv(): void {
    if (!lastResult) return;
    // The byte-order mark makes spreadsheets read the file as UTF-8 (names in Cyrillic, Arabic…).
    const blob = new Blob(['\ufeff', toSpreadsheetCsv(lastResult.columns, lastResult.rows)], { type: 'text/csv;charset=utf-8' });
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(blob);
    el('a', { attrs: { href: csvUrl, download: `kg-query-${new Date().toISOString().slice(0, 10)}.csv` } }).click();
  }

  function back(): void {
    banner.hidden = true;
    host.restore();
  }

  // ---- open and close ----
  async function open(): Promise<void> {
    root.hidden = false;
    stage.classList.add('console-open');
    byId('console-toggle').classList.add('active');
    host.resized();
    const ed = await ensureEditor();
    if (!ed.get() && EXAMPLE_QUERIES[0]) await loadExample(EXAMPLE_QUERIES[0]);
    ed.focus();
    caps ??= await queryCapabilities().catch((e: Error) => ({ available: false as const, message: e.message }));
    if (caps.available) {
      limits.textContent = `read-only · at most ${caps.limit ? caps.limit.toLocaleString('en') : 'unlimited'} rows · time-out ${caps.timeoutMs ? `${caps.timeoutMs / 1000} s` : 'none'}`;
      root.classList.remove('unavailable');
    } else {
      limits.textContent = 'no database';
      root.classList.add('unavailable');
      runButton.disabled = true;
      showMessage('Queries need Neo4j', caps.message.replace(/^Queries need Neo4j:\s*(.)/, (_, c: string) => c.toUpperCase()), 'info', 'no-database');
    }
  }

  function close(): void {
    if (root.contains(document.activeElement)) byId('console-toggle').focus();
    root.hidden = true;
    stage.classList.remove('console-open');
    byId('console-toggle').classList.remove('active');
    host.resized();
  }

  return {
    open: () => void open(),
    close,
    toggle: () => (root.hidden ? void open() : close()),
    reset: () => {
      banner.hidden = true;
    },
  };
}
