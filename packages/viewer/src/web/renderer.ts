import Graph from 'graphology';
import Sigma from 'sigma';
import { drawDiscNodeLabel, EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { GRAPH_OPTIONS, type RelType } from '@kg/graph-schema';
import { BACKGROUND, EDGE_COLOR, PROJECTION_EDGE_COLOR } from './graph-style';
import type { NodeStyle } from './model';
import { followCamera, type Motion } from './camera-motion';
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

/**
 * Nodes are sized in screen pixels, so the more of them, the smaller each must
 * be for the picture not to become one blot: full size up to 1,500 nodes, then
 * shrinking with the square root of the count, never below a third.
 */
export const nodeSizeScale = (order: number): number => Math.min(1, Math.max(0.33, Math.sqrt(1500 / Math.max(1, order))));

/**
 * Above this many edges, plain edges are drawn as one-pixel GL lines ('thin')
 * instead of anti-aliased quads ('line'). Without a GPU (SwiftShader) the quads'
 * rasterisation is what limits the frame rate; in a graph this dense a hairline
 * reads better anyway. Emphasised edges (selection, chains, who-met-whom
 * weights) keep the quads.
 */
const THIN_EDGES_ABOVE = 2_000;

/** The edge programs, drawing nothing while the camera moves. */
function stillOnlyEdgePrograms(motion: Motion) {
  class Line extends EdgeRectangleProgram {
    override render(params: RenderParams): void {
      if (!motion.moving) super.render(params);
    }
  }
  class Thin extends EdgeLineProgram {
    override render(params: RenderParams): void {
      if (!motion.moving) super.render(params);
    }
  }
  return { line: Line, thin: Thin };
}

/**
 * The renderer starts on an empty graph: the app hands it the real one
 * (sigma.setGraph) once the filters and the focus are applied, so sigma
 * processes the 60,000 nodes and edges of a large graph once at load, and the
 * first drawing is already the right one.
 */
export function createRenderer(container: HTMLElement, state: RenderState): Sigma {
  const motion: Motion = { moving: false };
  const renderer: Sigma = new Sigma(new Graph(GRAPH_OPTIONS), container, {
    nodeProgramClasses: { shape: NodeShapeProgram },
    edgeProgramClasses: stillOnlyEdgePrograms(motion),
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
    // Edges and labels while the camera moves: see camera-motion.ts (sigma's hideEdgesOnMove stays off).
    defaultDrawNodeLabel: (context, data, settings) => {
      if (!motion.moving) drawDiscNodeLabel(context, data, settings);
    },
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    nodeReducer: (key, attrs): Partial<NodeDisplayData> => {
      const s = state.style.get(key);
      const base = { x: attrs.x as number, y: attrs.y as number, type: 'shape' };
      if (!s || state.hiddenNodes.has(key)) return { ...base, hidden: true };
      const size = s.size * nodeSizeScale(renderer.getGraph().order);
      const out: Partial<NodeDisplayData> & { shape: string } = { ...base, size, color: s.color, label: s.text, shape: s.shape };
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
        out.size = Math.max(size, 6) * 1.25;
      }
      return out;
    },
    edgeReducer: (key, attrs): Partial<EdgeDisplayData> => {
      const out: Partial<EdgeDisplayData> = state.projection
        ? { type: 'line', size: 0.8 + Math.log2(attrs.weight as number) * 1.6, color: PROJECTION_EDGE_COLOR }
        : { type: renderer.getGraph().size > THIN_EDGES_ABOVE ? 'thin' : 'line', size: 1, color: EDGE_COLOR[attrs.type as RelType] ?? FAINT_EDGE };
      if (state.hiddenEdges.has(key)) out.hidden = true;
      else if (state.focusEdges) {
        if (state.focusEdges.has(key)) {
          out.type = 'line';
          out.color = STRONG_EDGE;
          out.size = (out.size ?? 1) + 1;
          out.zIndex = 1;
        } else out.color = FAINT_EDGE;
      }
      return out;
    },
  });
  followCamera(renderer, motion);
  return renderer;
}

export { BACKGROUND };
