import type Sigma from 'sigma';
import type { CameraState, Coordinates } from 'sigma/types';

/** Whether the camera is moving, per renderer: the edge programs and the label drawer read it every frame. */
export interface Motion {
  moving: boolean;
}

/**
 * Above this many edges, a frame drawn while the camera moves leaves out the
 * edges and labels (they come back once it settles): without a GPU,
 * rasterising 50,000 edges takes a few hundred milliseconds.
 */
export const HIDE_ON_MOVE_ABOVE = 5_000;

/** The camera has been still this long: draw everything for real at its position. */
const SETTLE_MS = 120;
/** Redraw mid-move when the moved frame would cover less of the stage than this (the rest is blank)… */
const MIN_COVERAGE = 0.6;
/** …or is magnified more than this (it turns blurry). */
const MAX_MAGNIFICATION = 2;

/** How the last drawn frame maps onto the stage at the current camera: x' = sx·x + tx, y' = sy·y + ty (CSS pixels). */
interface Shift {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

/** Sigma's own camera listener and its pickers: private in its types, replaced here. */
interface SigmaInternals {
  activeListeners: { camera?: () => void };
  getNodeAtPosition(position: Coordinates): string | null;
  getEdgeAtPoint(x: number, y: number): string | null;
}

/**
 * Moves the camera the way map viewers pan: while it moves (drag, wheel,
 * animation, camera.setState), sigma does not draw; the frame it drew last is
 * moved with a CSS transform on the layer that holds its canvases, which the
 * compositor does without touching WebGL. Without a GPU every drawn frame
 * costs a SwiftShader rasterisation and read-back of each WebGL canvas
 * (~100 ms even at 1,000 nodes); a transform costs a few milliseconds.
 * Sigma draws for real once the camera has been still for SETTLE_MS, or
 * sooner when the moved frame would leave too much of the stage blank.
 *
 * Until then the canvases (picking buffers included) hold the last frame, so
 * pointer positions are mapped back through the transform before picking,
 * and hover highlights drawn meanwhile land in the moved frame's coordinates,
 * like everything else in it.
 */
export function followCamera(renderer: Sigma, motion: Motion): void {
  const camera = renderer.getCamera();
  const canvases = renderer.getCanvases();
  const internals = renderer as unknown as SigmaInternals;

  // One element to transform: every canvas but the mouse layer, which must stay put (pointer positions are read on it).
  const layers = document.createElement('div');
  layers.className = 'sigma-layers';
  layers.style.cssText = 'position:absolute;inset:0;transform-origin:0 0;will-change:transform';
  const mouse = canvases.mouse;
  if (mouse) mouse.before(layers);
  else renderer.getContainer().append(layers);
  for (const [id, canvas] of Object.entries(canvases)) if (id !== 'mouse') layers.append(canvas);
  // Layers not drawn in a moving frame: hidden, since a cleared canvas still costs the compositor a read-back.
  const stillOnly = [canvases.edges, canvases.labels, canvases.edgeLabels].filter((c): c is HTMLCanvasElement => !!c);

  /** The camera the canvases were drawn with; null before the first frame. */
  let drawn: CameraState | null = null;
  let shift: Shift | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hidden = false;

  const setShift = (next: Shift | null) => {
    shift = next;
    layers.style.transform = next ? `matrix(${next.sx}, 0, 0, ${next.sy}, ${next.tx}, ${next.ty})` : '';
  };

  /** The drawn frame's placement at `state`, or null when a transform cannot show it (rotation, nothing drawn yet). */
  const shiftTo = (state: CameraState): Shift | null => {
    if (!drawn || state.angle !== drawn.angle) return null;
    // Two points through both cameras give the (axis-aligned) map from the drawn frame to the stage.
    const a = { x: 0, y: 0 }, b = { x: 1, y: 1 };
    const a0 = renderer.framedGraphToViewport(a), b0 = renderer.framedGraphToViewport(b);
    const a1 = renderer.framedGraphToViewport(a, { cameraState: state }), b1 = renderer.framedGraphToViewport(b, { cameraState: state });
    const sx = (b1.x - a1.x) / (b0.x - a0.x), sy = (b1.y - a1.y) / (b0.y - a0.y);
    if (!Number.isFinite(sx) || !Number.isFinite(sy) || sx <= 0 || sy <= 0) return null;
    return { sx, sy, tx: a1.x - sx * a0.x, ty: a1.y - sy * a0.y };
  };

  /** Whether the moved frame still shows enough of the stage, sharply enough. */
  const goodEnough = ({ sx, sy, tx, ty }: Shift): boolean => {
    const { width, height } = renderer.getDimensions();
    const overlap = (from: number, size: number, max: number) => Math.max(0, Math.min(max, from + size) - Math.max(0, from)) / max;
    const coverage = overlap(tx, sx * width, width) * overlap(ty, sy * height, height);
    return coverage >= MIN_COVERAGE && sx <= MAX_MAGNIFICATION;
  };

  const onCamera = () => {
    if (renderer.getGraph().size > HIDE_ON_MOVE_ABOVE) motion.moving = true;
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
    const next = shiftTo(camera.getState());
    // Moved at once (no frame late); a real frame, if needed, follows at the next animation frame.
    if (next) setShift(next);
    if (!next || !goodEnough(next)) renderer.scheduleRender();
  };

  const settle = () => {
    timer = undefined;
    if (!motion.moving && !shift) return;
    motion.moving = false;
    renderer.scheduleRender();
  };

  renderer.on('afterRender', () => {
    drawn = camera.getState();
    if (shift) setShift(null);
    // Show or hide the still-only layers with the frame that matches, so neither a blank nor a stale picture shows.
    if (hidden !== motion.moving) {
      hidden = motion.moving;
      for (const c of stillOnly) c.style.visibility = hidden ? 'hidden' : '';
    }
  });

  // Pointer positions are on the stage; the picking buffers hold the drawn frame.
  const toDrawn = (p: Coordinates): Coordinates => (shift ? { x: (p.x - shift.tx) / shift.sx, y: (p.y - shift.ty) / shift.sy } : p);
  const pickNode = internals.getNodeAtPosition.bind(renderer);
  const pickEdge = internals.getEdgeAtPoint.bind(renderer);
  internals.getNodeAtPosition = (p) => pickNode(toDrawn(p));
  internals.getEdgeAtPoint = (x, y) => {
    const p = toDrawn({ x, y });
    return pickEdge(p.x, p.y);
  };

  // Sigma's own listener draws a frame for every camera change; this one replaces it.
  const own = internals.activeListeners.camera;
  if (own) camera.removeListener('updated', own);
  camera.on('updated', onCamera);
  renderer.on('kill', () => clearTimeout(timer));
}
