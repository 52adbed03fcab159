import type Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { RelType } from '@kg/graph-schema';
import { BACKGROUND, EDGE_COLOR, PROJECTION_EDGE_COLOR } from './graph-style';
import type { NodeStyle } from './model';
import { NodeShapeProgram } from './node-shape-program';

/**
 * What the reducers read. The app recomputes these sets when the reader
 * changes something (filter, selection), never per frame; the reducers only
 * look them up.
 */
export interface RenderState {
  style: Map<string, NodeStyle>;
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** When set, everything outside it is dimmed. */
  focus: Set<string> | null;
  /** Edges drawn strong while focused (the selection's edges, a chain's steps). */
  focusEdges: Set<string> | null;
  /** Nodes drawn emphasised (the selection, the ends of a chain). */
  primary: Set<string>;
  projection: boolean;
}

const FAINT_EDGE = '#eceef1';
const STRONG_EDGE = '#475569';

export function createRenderer(container: HTMLElement, graph: Graph, state: RenderState): Sigma {
  const big = graph.size > 20_000;
  return new Sigma(graph, container, {
    nodeProgramClasses: { shape: NodeShapeProgram },
    defaultNodeType: 'shape',
    defaultEdgeType: 'line',
    // Labels: a grid keeps at most a few per cell, and small nodes get none, so they never pile up.
    labelDensity: 0.7,
    labelGridCellSize: 140,
    labelRenderedSizeThreshold: 6,
    labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1f2937' },
    zIndex: true,
    // Very large graphs: drawing 50,000 edges while panning is what costs; they come back on release.
    hideEdgesOnMove: big,
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    nodeReducer: (key, attrs): Partial<NodeDisplayData> => {
      const s = state.style.get(key);
      const base = { x: attrs.x as number, y: attrs.y as number, type: 'shape' };
      if (!s || state.hiddenNodes.has(key)) return { ...base, hidden: true };
      const out: Partial<NodeDisplayData> & { shape: string } = { ...base, size: s.size, color: s.color, label: s.text, shape: s.shape };
      if (state.focus) {
        if (state.focus.has(key)) {
          out.zIndex = 1;
          out.forceLabel = state.focus.size <= 40;
        } else {
          out.color = s.dimColor;
          out.label = '';
        }
      }
      if (state.primary.has(key)) {
        out.zIndex = 2;
        out.highlighted = true;
        out.forceLabel = true;
        out.size = s.size * 1.25;
      }
      return out;
    },
    edgeReducer: (key, attrs): Partial<EdgeDisplayData> => {
      const out: Partial<EdgeDisplayData> = state.projection
        ? { type: 'line', size: 0.8 + Math.log2(attrs.weight as number) * 1.6, color: PROJECTION_EDGE_COLOR }
        : { type: 'line', size: 1, color: EDGE_COLOR[attrs.type as RelType] ?? FAINT_EDGE };
      if (state.hiddenEdges.has(key)) out.hidden = true;
      else if (state.focusEdges) {
        if (state.focusEdges.has(key)) {
          out.color = STRONG_EDGE;
          out.size = (out.size ?? 1) + 1;
          out.zIndex = 1;
        } else out.color = FAINT_EDGE;
      }
      return out;
    },
  });
}

export { BACKGROUND };
