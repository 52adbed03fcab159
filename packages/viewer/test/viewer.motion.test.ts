import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { syntheticGraph } from '../bench/viewer.bench';
import { ensureBuilt } from '../src/cli';
import { startViewerServer, type ViewerServer } from '../src/server/index';
import { launchBrowser, openViewer, screenshot } from './helpers/browser';
import { nodeOnScreen } from './helpers/scenario';

// While the camera moves, the viewer moves its last drawn frame with a CSS transform instead of
// redrawing (camera-motion.ts); once the camera is still, it draws for real. These tests check what
// the reader sees: the moved frame in the right place, picking through it, and after the move a real
// frame that matches the camera, with the edges back.
jest.setTimeout(120_000);

type Sigma = import('sigma').default;
type KgWindow = Window & {
  __kg: {
    sigma: Sigma;
    layout: { stop(spread?: boolean): void };
    model: { graph: import('graphology').default; style: Map<string, { color: string }> };
  };
};
/** The private picker, which camera-motion maps through the transform. */
type Picking = { getNodeAtPosition(p: { x: number; y: number }): string | null };

let browser: Browser;
let server: ViewerServer;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-viewer-motion-'));

beforeAll(async () => {
  await ensureBuilt();
  // Above the edge count at which edges are left out of moving frames: that path is exercised too.
  const file = path.join(tmp, 'graph-6000.json');
  writeFileSync(file, JSON.stringify(syntheticGraph(6000)));
  server = await startViewerServer({ source: { kind: 'file', path: file } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Makes `window.__kgDecodePng(base64)` available in the page: the RGBA pixels of a screenshot, decoded
 * by the browser (Node has no PNG decoder here). A string, so that no bundler helper leaks into it.
 */
const DECODE_PNG = `window.__kgDecodePng = async (data) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + data;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, c.width, c.height);
}`;
type DecodeWindow = { __kgDecodePng(data: string): Promise<ImageData> };

/** The composited screen (CSS transforms included) at these page points, as [r, g, b]. */
async function screenPixels(page: Page, points: { x: number; y: number }[]): Promise<number[][]> {
  const png = (await page.screenshot()).toString('base64');
  await page.evaluate(DECODE_PNG);
  return page.evaluate(
    async ([data, pts]) => {
      const img = await (window as unknown as DecodeWindow).__kgDecodePng(data);
      return pts.map((p) => {
        const i = (Math.round(p.y) * img.width + Math.round(p.x)) * 4;
        return [...img.data.slice(i, i + 3)];
      });
    },
    [png, points] as const,
  );
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 16);

/** An actor drawn on top at its own centre, away from the stage borders: its centre pixel is its colour. */
async function visibleActor(page: Page): Promise<{ key: string; color: number[]; at: { x: number; y: number } }> {
  const candidates = await page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg;
    const s = kg.sigma;
    const { width, height } = s.getDimensions();
    const out: string[] = [];
    kg.model.graph.forEachNode((k, a) => {
      if (a.label !== 'Actor' || out.length > 400) return;
      const d = s.getNodeDisplayData(k);
      if (!d || d.hidden || d.size < 5) return;
      const p = s.framedGraphToViewport(d);
      if (p.x < width * 0.3 || p.x > width * 0.7 || p.y < height * 0.3 || p.y > height * 0.7) return;
      if ((s as unknown as Picking).getNodeAtPosition(p) === k) out.push(k);
    });
    return out.map((k) => ({ key: k, color: kg.model.style.get(k)!.color }));
  });
  for (const c of candidates.slice(0, 40)) {
    const at = await nodeOnScreen(page, c.key);
    const [px] = await screenPixels(page, [at]);
    if (close(px!, hex(c.color))) return { key: c.key, color: hex(c.color), at };
  }
  throw new Error('no actor drawn unobstructed near the middle of the stage');
}

/** Waits until sigma has drawn a real frame at the camera's position (no transform left). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as KgWindow).__kg.sigma;
    const layers = s.getCanvases().nodes!.parentElement!;
    return layers.style.transform === '' && !s.getCamera().isAnimated();
  });
  await page.waitForTimeout(300);
}

/** Whether the last drawn frame was drawn with the current camera: a node's position agrees both ways. */
async function drawnAtCamera(page: Page, key: string): Promise<boolean> {
  return page.evaluate((k) => {
    const s = (window as unknown as KgWindow).__kg.sigma;
    const d = s.getNodeDisplayData(k)!;
    const drawn = s.framedGraphToViewport(d);
    const now = s.framedGraphToViewport(d, { cameraState: s.getCamera().getState() });
    return Math.abs(drawn.x - now.x) < 0.5 && Math.abs(drawn.y - now.y) < 0.5;
  }, key);
}

/**
 * Screen pixels the edge layer contributes: screenshots with it shown and
 * hidden (styles only: sigma draws nothing in between), compared.
 */
async function edgesOnScreen(page: Page): Promise<number> {
  const edges = (show: boolean) =>
    page.evaluate((v) => ((window as unknown as KgWindow).__kg.sigma.getCanvases().edges!.style.display = v ? '' : 'none'), show);
  const shown = await page.screenshot();
  await edges(false);
  const hidden = await page.screenshot();
  await edges(true);
  await page.evaluate(DECODE_PNG);
  return page.evaluate(
    async ([a, b]) => {
      const decode = (window as unknown as DecodeWindow).__kgDecodePng;
      const [x, y] = [(await decode(a)).data, (await decode(b)).data];
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 24) differ++;
      return differ;
    },
    [shown.toString('base64'), hidden.toString('base64')] as const,
  );
}

test('a drag moves the drawn frame with the pointer, picks through it, and draws for real once still', async () => {
  const { page, errors } = await openViewer(browser, server.url);
  await page.evaluate(() => (window as unknown as KgWindow).__kg.layout.stop());
  await settled(page);
  const actor = await visibleActor(page);
  const delta = { x: 150, y: 80 };

  // The drag, dispatched in one task so the check below sees the frame between two animation frames, before any redraw.
  const during = await page.evaluate(
    ([at, d, key]) => {
      const s = (window as unknown as KgWindow).__kg.sigma;
      const mouse = s.getCanvases().mouse!;
      const fire = (type: string, x: number, y: number) => mouse.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, bubbles: true }));
      let renders = 0;
      const count = () => renders++;
      s.on('afterRender', count);
      fire('mousedown', at.x, at.y);
      for (let i = 1; i <= 10; i++) fire('mousemove', at.x + (d.x * i) / 10, at.y + (d.y * i) / 10);
      s.off('afterRender', count);
      const r = mouse.getBoundingClientRect();
      const moved = { x: at.x + d.x - r.left, y: at.y + d.y - r.top };
      return {
        renders,
        transform: s.getCanvases().nodes!.parentElement!.style.transform,
        picked: (s as unknown as Picking).getNodeAtPosition(moved),
        expected: key,
      };
    },
    [actor.at, delta, actor.key] as const,
  );
  expect(during.renders).toBe(0);
  const m = /matrix\(([^)]+)\)/.exec(during.transform);
  expect(m).not.toBeNull();
  const [sx, , , sy, tx, ty] = m![1]!.split(',').map(Number);
  expect(sx).toBeCloseTo(1, 3);
  expect(sy).toBeCloseTo(1, 3);
  expect(Math.abs(tx! - delta.x)).toBeLessThan(1);
  expect(Math.abs(ty! - delta.y)).toBeLessThan(1);
  // The pointer, on the stage, finds the node where the moved frame shows it.
  expect(during.picked).toBe(actor.key);
  // The moved frame on screen: the node under the pointer, not left behind.
  const movedTo = { x: actor.at.x + delta.x, y: actor.at.y + delta.y };
  if (await page.evaluate(() => (window as unknown as KgWindow).__kg.sigma.getCanvases().nodes!.parentElement!.style.transform !== '')) {
    const [px] = await screenPixels(page, [movedTo]);
    expect(close(px!, actor.color)).toBe(true);
  }
  await screenshot(page, 'motion-1-during-drag');

  // Release (held still first: no inertia), then sigma draws a real frame at the camera, edges included.
  await page.waitForTimeout(200);
  await page.evaluate(([x, y]) => document.dispatchEvent(new MouseEvent('mouseup', { clientX: x, clientY: y, button: 0, bubbles: true })), [movedTo.x, movedTo.y] as const);
  await settled(page);
  expect(await drawnAtCamera(page, actor.key)).toBe(true);
  const after = await nodeOnScreen(page, actor.key);
  expect(Math.abs(after.x - movedTo.x)).toBeLessThan(1.5);
  expect(Math.abs(after.y - movedTo.y)).toBeLessThan(1.5);
  const [px] = await screenPixels(page, [after]);
  expect(close(px!, actor.color)).toBe(true);
  expect(await edgesOnScreen(page)).toBeGreaterThan(5000);
  await screenshot(page, 'motion-2-after-drag');
  expect(errors).toEqual([]);
  await page.close();
});

test('a real mouse drag and wheel zoom end on a real frame; hover and click still find the node', async () => {
  const { page, errors } = await openViewer(browser, server.url);
  await page.evaluate(() => (window as unknown as KgWindow).__kg.layout.stop());
  await settled(page);
  const box = (await page.locator('#graph').boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(cx - 8 * i, cy - 4 * i);
  await page.mouse.up();
  await settled(page);

  const ratio = () => page.evaluate(() => (window as unknown as KgWindow).__kg.sigma.getCamera().getState().ratio);
  const before = await ratio();
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -400);
  await settled(page);
  expect(await ratio()).toBeLessThan(before);

  const actor = await visibleActor(page);
  expect(await drawnAtCamera(page, actor.key)).toBe(true);
  expect(await edgesOnScreen(page)).toBeGreaterThan(1000);
  await page.mouse.move(actor.at.x, actor.at.y);
  await page.waitForFunction(() => document.getElementById('graph')!.classList.contains('pointer'));
  await page.mouse.click(actor.at.x, actor.at.y);
  await page.waitForSelector('#panel:not([hidden]) header h2');
  expect(await page.evaluate(() => (window as unknown as { __kg: { state: { selected?: string } } }).__kg.state.selected)).toBe(actor.key);
  await screenshot(page, 'motion-3-after-zoom-click');
  expect(errors).toEqual([]);
  await page.close();
});
