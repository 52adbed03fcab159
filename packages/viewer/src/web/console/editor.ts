import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';

/** The console's Cypher editor: CodeMirror 6 with the Cypher mode, Ctrl/Cmd-Enter runs. */
export interface CypherEditor {
  readonly view: EditorView;
  get(): string;
  set(text: string): void;
  focus(): void;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', background: '#fff' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { background: '#f8fafc', color: '#94a3b8', border: 'none', borderRight: '1px solid #e5e7eb' },
  '.cm-activeLine': { background: '#f8fafc' },
  '.cm-content': { padding: '6px 0' },
});

export function createEditor(parent: HTMLElement, opts: { doc: string; onRun: () => void; onChange: () => void }): CypherEditor {
  const run = () => {
    opts.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        // Before the default keymap, where Mod-Enter would insert a line.
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }])),
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        StreamLanguage.define(cypher as StreamParser<unknown>),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        placeholder('MATCH (a:Actor)-[:ATTENDED]->(m:Meeting) RETURN a, m LIMIT 25'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Cypher query (Ctrl+Enter runs)', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange();
        }),
        theme,
      ],
    }),
  });
  return {
    view,
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } }),
    focus: () => view.focus(),
  };
}
