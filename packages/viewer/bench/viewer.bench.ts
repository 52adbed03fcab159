/**
 * Viewer benchmark: synthetic graphs of 1k, 10k and 50k nodes (~5 edges per
 * node) in the graph-file format, served in file mode by the real server and
 * opened in headless Chromium. Prints time to first render and frames per
 * second while the camera pans. Target at 10k: first render < 2 s, >= 30 fps.
 *
 *   npm run bench:viewer            (all sizes)
 *   npm run bench:viewer -- 10000   (one size)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeKey, type SerializedGraph } from '@kg/graph-schema';
import { ensureBuilt } from '../src/cli';
import { startViewerServer } from '../src/server/index';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../test/helpers/browser';

/**
 * The flags every run uses: headless, no GPU (WebGL falls back to SwiftShader).
 * KG_BENCH_FLAGS adds more (space-separated), e.g. to compare ANGLE back-ends;
 * the bench prints the flags it ran with.
 */
const REQUIRED_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const EXTRA_FLAGS = (process.env.KG_BENCH_FLAGS ?? '').split(/\s+/).filter(Boolean);

/** Deterministic pseudo-random numbers, so every run measures the same graph. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

export function syntheticGraph(n: number): SerializedGraph {
  const rand = rng(n);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const nodes: SerializedGraph['nodes'] = [];
  const edges: SerializedGraph['edges'] = [];
  const keys = new Set<string>();
  const add = (type: SerializedGraph['edges'][number]['attributes']['type'], source: string, target: string) => {
    const key = `${type}:${source}->${target}`;
    if (keys.has(key) || source === target) return;
    keys.add(key);
    edges.push({ key, source, target, attributes: { type } });
  };
  const actors: string[] = [], meetings: string[] = [], places: string[] = [], positions: string[] = [], issues: string[] = [];
  const kinds = ['person', 'person', 'person', 'organization', 'country', 'group'] as const;
  const statuses = ['held', 'held', 'held', 'planned', 'proposed', 'cancelled'] as const;
  for (let i = 0; i < n; i++) {
    const r = i / n;
    if (r < 0.5) {
      const id = `actor-${i}`;
      nodes.push({ key: nodeKey('Actor', id), attributes: { label: 'Actor', id, name: `Actor ${i}`, kind: pick([...kinds]), aliases: [`A${i}`], roles: [] } });
      actors.push(nodeKey('Actor', id));
    } else if (r < 0.8) {
      const id = `meeting-${i}`;
      const day = 1 + Math.floor(rand() * 700);
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      nodes.push({ key: nodeKey('Meeting', id), attributes: { label: 'Meeting', id, date, dateText: date, status: pick([...statuses]), mode: 'in_person' } });
      meetings.push(nodeKey('Meeting', id));
    } else if (r < 0.85) {
      const id = `place-${i}`;
      nodes.push({ key: nodeKey('Place', id), attributes: { label: 'Place', id, name: `Place ${i}` } });
      places.push(nodeKey('Place', id));
    } else if (r < 0.95) {
      const id = `position-${i}`;
      nodes.push({ key: nodeKey('Position', id), attributes: { label: 'Position', id, stance: 'supports', statement: `Statement ${i}` } });
      positions.push(nodeKey('Position', id));
    } else {
      const id = `issue-${i}`;
      nodes.push({ key: nodeKey('Issue', id), attributes: { label: 'Issue', id, name: `Issue ${i}` } });
      issues.push(nodeKey('Issue', id));
    }
  }
  // Community structure (actors meet mostly within their "region"), so the layout has something to show.
  const region = (i: number, len: number) => Math.min(len - 1, Math.max(0, Math.floor(i + (rand() - 0.5) * len * 0.05)));
  meetings.forEach((m, i) => {
    const centre = (i / meetings.length) * actors.length;
    for (let k = 0; k < 3 + Math.floor(rand() * 3); k++) add('ATTENDED', actors[region(centre, actors.length)]!, m);
    add('HELD_IN', m, pick(places));
  });
  positions.forEach((p, i) => {
    add('HOLDS', actors[region((i / positions.length) * actors.length, actors.length)]!, p);
    add('ABOUT', p, pick(issues));
  });
  while (edges.length < n * 5) add('AFFILIATED_WITH', pick(actors), actors[region(actors.indexOf(pick(actors)), actors.length)]!);
  return { nodes, edges };
}

/**
 * What the reader sees change, read in the page at each animation frame: the
 * count of sigma's drawn frames and the CSS transforms between its canvases
 * and the stage (the viewer moves the last drawn frame with a transform while
 * the camera moves). A frame counts towards the fps only if this changed
 * since the frame before: the picture moved in it.
 */
const PICTURE = `window.__kgPicture ??= (() => {
  const s = window.__kg.sigma;
  const st = { renders: 0 };
  s.on('afterRender', () => st.renders++);
  const stage = s.getContainer();
  return () => {
    let sig = String(st.renders);
    for (let e = s.getCanvases().nodes; e && e !== stage; e = e.parentElement) sig += '|' + e.style.transform;
    return sig;
  };
})()`;

/**
 * Runs in the page. A string, not a function: tsx would wrap a function's inner
 * helpers in a __name() call that does not exist in the browser.
 * Pans with the layout stopped (the steady state a reader explores in), moving
 * the camera every frame along a slow circle; counts the frames in which the
 * picture moved.
 */
const PAN_SCRIPT = `(async () => {
  const kg = window.__kg;
  const picture = ${PICTURE};
  kg.layout.stop();
  const camera = kg.sigma.getCamera();
  camera.setState({ ratio: 0.6 });
  await new Promise((r) => setTimeout(r, 300));
  return await new Promise((resolve) => {
    let frames = 0;
    let last = picture();
    const t0 = performance.now();
    const tick = (now) => {
      const sig = picture();
      if (sig !== last) frames++;
      last = sig;
      const t = (now - t0) / 1000;
      camera.setState({ x: 0.5 + 0.2 * Math.cos(t * 2), y: 0.5 + 0.2 * Math.sin(t * 2) });
      if (now - t0 < 4000) requestAnimationFrame(tick);
      else resolve((frames / (now - t0)) * 1000);
    };
    requestAnimationFrame(tick);
  });
})()`;

/**
 * Frames in which the picture moved while Playwright's page.mouse drags the
 * stage along a circle, the way a reader pans (counted in the page at each
 * animation frame, as above). The layout is stopped first, as above.
 */
const DRAG_BEGIN = `(() => {
  const picture = ${PICTURE};
  const st = (window.__kgDrag = { frames: 0, on: true, t0: performance.now() });
  let last = picture();
  const tick = () => {
    if (!st.on) return;
    const sig = picture();
    if (sig !== last) st.frames++;
    last = sig;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const DRAG_END = `(() => {
  const st = window.__kgDrag;
  st.on = false;
  return (st.frames / (performance.now() - st.t0)) * 1000;
})()`;

/**
 * The viewer's own cost of one still frame (everything drawn: nodes, edges,
 * labels): sigma's render plus the rasterisation of every WebGL layer. A
 * one-pixel readPixels forces the rasterisation (gl.finish does not: without a
 * GPU, Chromium rasterises WebGL canvases in SwiftShader only when the
 * compositor reads them back, so timing render() + finish() measured almost
 * nothing of the real cost). The camera is left alone (a camera move would
 * hide the edges of a large graph: the moving frame is what the fps measure).
 */
const RENDER_SCRIPT = `(async () => {
  await new Promise((r) => setTimeout(r, 400));
  const s = window.__kg.sigma;
  const gls = Object.values(s.getCanvases()).map((c) => c.getContext('webgl2') || c.getContext('webgl')).filter(Boolean);
  const px = new Uint8Array(4);
  const sync = () => { for (const gl of gls) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); };
  sync();
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) { s.render(); sync(); }
  return (performance.now() - t0) / 10;
})()`;

/**
 * Time to first paint: sigma's first render returns before anything is on
 * screen (the WebGL layers are rasterised when the frame is committed). The
 * first task after the next animation frame runs once that frame is committed.
 */
const FIRST_PAINT_INIT = `new MutationObserver((_, obs) => {
  if (document.body.dataset.rendered !== 'true') return;
  obs.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.__kgFirstPaint = Math.round(performance.now()); }));
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-rendered'] });`;

/** KG_BENCH_SHOTS=dir: screenshots of each graph during a drag and after it (edges must be back). */
const SHOTS = process.env.KG_BENCH_SHOTS;

async function measure(n: number, browser: Browser, dir: string) {
  const file = path.join(dir, `graph-${n}.json`);
  const graph = syntheticGraph(n);
  writeFileSync(file, JSON.stringify(graph));
  const server = await startViewerServer({ source: { kind: 'file', path: file } });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(FIRST_PAINT_INIT);
  try {
    await page.goto(server.url);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 120_000 });
    const firstRender = Number(await page.getAttribute('body', 'data-rendered-at'));
    await page.waitForFunction('window.__kgFirstPaint !== undefined', undefined, { timeout: 120_000 });
    const firstPaint = Number(await page.evaluate('window.__kgFirstPaint'));
    // Pan with the layout stopped: the steady state a reader explores in.
    const fps = Number(await page.evaluate(PAN_SCRIPT));
    // The same with the mouse: press, drag along a circle for 4 s, release.
    const box = (await page.locator('#graph').boundingBox())!;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await page.mouse.move(cx + 120, cy);
    await page.evaluate(DRAG_BEGIN);
    await page.mouse.down();
    const t0 = Date.now();
    let shotDuring = false;
    for (let i = 1; Date.now() - t0 < 4000; i++) {
      await page.mouse.move(cx + 120 * Math.cos(i / 8), cy + 120 * Math.sin(i / 8));
      if (SHOTS && !shotDuring && Date.now() - t0 > 2000) {
        shotDuring = true;
        await page.screenshot({ path: path.join(SHOTS, `bench-${n}-during-drag.png`) });
      }
    }
    const dragFps = Number(await page.evaluate(DRAG_END));
    await page.mouse.up();
    await page.waitForTimeout(1000);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `bench-${n}-after-drag.png`) });
    const renderMs = Number(await page.evaluate(RENDER_SCRIPT));
    return { n, edges: graph.edges.length, firstRender, firstPaint, fps, dragFps, renderMs, errors };
  } finally {
    await page.close();
    await server.close();
  }
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  await ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-viewer-bench-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...REQUIRED_FLAGS, ...EXTRA_FLAGS] });
  try {
    console.log(`chromium ${browser.version()} ${[...REQUIRED_FLAGS, ...EXTRA_FLAGS].join(' ')}`);
    console.log('first render: sigma drew (ms since navigation start); first paint: that frame rasterised and committed');
    console.log('pan fps: frames in which the picture moved, camera moved by script every animation frame; drag fps: the same during a page.mouse drag; still frame: everything drawn once');
    console.log('nodes\tedges\tfirst render (ms)\tfirst paint (ms)\tpan fps\tdrag fps\tstill frame render+raster (ms)');
    for (const n of sizes.length ? sizes : [1000, 10_000, 50_000]) {
      const r = await measure(n, browser, dir);
      console.log(`${r.n}\t${r.edges}\t${r.firstRender}\t\t\t${r.firstPaint}\t\t\t${r.fps.toFixed(1)}\t${r.dragFps.toFixed(1)}\t\t${r.renderMs.toFixed(1)}${r.errors.length ? `\terrors: ${r.errors.join('; ')}` : ''}`);
      if (r.n === 10_000) console.log(`  target at 10k: first paint < 2000 ms ${r.firstPaint < 2000 ? 'met' : 'NOT met'}, >= 30 fps ${Math.min(r.fps, r.dragFps) >= 30 ? 'met' : 'NOT met'} (pan and drag)`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
