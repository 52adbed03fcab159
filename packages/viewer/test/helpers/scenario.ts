import type { Browser, Page } from 'playwright-core';
import { drawnPixels, openViewer, screenshot } from './browser';

/** What the page exposes as window.__kg (the Viewer instance), as far as the tests read it. */
type KgWindow = Window & {
  __kg: {
    state: { view: string; selected?: string; chain?: [string, string]; filters: { from?: string; to?: string } };
    render: { hiddenNodes: Set<string>; hiddenEdges: Set<string> };
    model: { graph: import('graphology').default; projection: import('graphology').default };
    layout: { stop(spread?: boolean): void };
    sigma: import('sigma').default;
  };
};

export async function actorKey(page: Page, pattern: RegExp): Promise<string | undefined> {
  return page.evaluate((src) => {
    const re = new RegExp(src, 'i');
    const g = (window as unknown as KgWindow).__kg.model.graph;
    return g.findNode((_, a) => a.label === 'Actor' && re.test(String(a.name)));
  }, pattern.source);
}

export async function waitForLayout(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as KgWindow).__kg.layout.stop(true));
  await page.waitForTimeout(150);
}

/** Types in the search box and picks the first suggestion with the keyboard, as a reader would. */
export async function searchAndPick(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForSelector('#search-results li[data-key]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) header h2');
}

/**
 * Screen position of a node, for real mouse clicks on the canvas. At the
 * camera's position, not the last drawn frame's: while the camera moves, the
 * viewer shows that frame moved by a CSS transform (camera-motion.ts).
 */
export async function nodeOnScreen(page: Page, key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const kg = (window as unknown as KgWindow).__kg;
    const d = kg.sigma.getNodeDisplayData(k)!;
    const p = kg.sigma.framedGraphToViewport({ x: d.x, y: d.y }, { cameraState: kg.sigma.getCamera().getState() });
    const r = kg.sigma.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, key);
}

/**
 * The reader's walk through the seed story: load, search Putin, read his
 * Kremlin meeting, switch to who-met-whom, filter by date, share a link.
 * `name` prefixes the screenshots.
 */
export async function kremlinScenario(browser: Browser, url: string, name: string): Promise<void> {
  const { page, errors } = await openViewer(browser, url);
  await waitForLayout(page);

  // 1. The canvas draws nodes: coloured pixels, read back from the WebGL canvases.
  const px = await drawnPixels(page);
  await screenshot(page, `${name}-1-loaded`);
  expect(px.coloured).toBeGreaterThan(300);

  // 2. Search "Putin": he is selected and the panel lists the Kremlin meeting of 2 December 2025.
  await searchAndPick(page, 'Putin');
  await page.waitForTimeout(600); // camera animation
  await screenshot(page, `${name}-2-putin`);
  expect(await page.textContent('#panel header h2')).toMatch(/Putin/);
  const putin = (await page.evaluate(() => (window as unknown as KgWindow).__kg.state.selected))!;
  expect(putin).toMatch(/^Actor:/);
  const meetings = await page.$$eval('#panel .meeting', (els) => els.map((e) => e.textContent ?? ''));
  const kremlin = meetings.find((t) => t.includes('2 Dec 2025'));
  expect(kremlin).toBeDefined();
  expect(kremlin).toMatch(/Witkoff/);
  expect(kremlin).toMatch(/Kushner/);

  // 3. Who met whom: an edge between Putin and Witkoff, drawn (not filtered out).
  await page.click('[data-view="projection"]');
  await waitForLayout(page);
  const witkoff = (await actorKey(page, /Witkoff/))!;
  const link = await page.evaluate(
    ([a, b]) => {
      const kg = (window as unknown as KgWindow).__kg;
      const p = kg.model.projection;
      const e = p.edge(a!, b!) ?? p.edge(b!, a!);
      return { exists: e !== undefined, shown: e !== undefined && !kg.render.hiddenEdges.has(e), view: kg.sigma.getGraph() === p };
    },
    [putin, witkoff],
  );
  expect(link).toEqual({ exists: true, shown: true, view: true });
  expect((await drawnPixels(page)).coloured).toBeGreaterThan(100);
  await screenshot(page, `${name}-3-who-met-whom`);

  // 4. A date range hides the meetings outside it (full graph).
  await page.click('[data-view="full"]');
  await setDateRange(page, '2025-12-02', '2025-12-02');
  const byDate = await page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg;
    const out: { date: string | null; hidden: boolean }[] = [];
    kg.model.graph.forEachNode((k, a) => {
      if (a.label === 'Meeting' && a.date) out.push({ date: a.date as string, hidden: kg.render.hiddenNodes.has(k) });
    });
    return out;
  });
  expect(byDate.some((m) => !m.hidden && m.date === '2025-12-02')).toBe(true);
  for (const m of byDate) expect(m.hidden).toBe(m.date !== '2025-12-02');
  expect(await page.textContent('.range-text')).toBe('2 Dec 2025 – 2 Dec 2025');
  await screenshot(page, `${name}-4-date-filter`);

  // 5. A deep link restores the view: projection, Putin selected, the date range.
  await page.click('[data-view="projection"]');
  await page.evaluate((k) => (window as unknown as KgWindow & { __kg: { select(k: string): Promise<void> } }).__kg.select(k), putin);
  const link2 = page.url();
  expect(link2).toContain('view=projection');
  const before = await page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg;
    return { from: kg.state.filters.from, to: kg.state.filters.to };
  });
  const { page: second, errors: errors2 } = await openViewer(browser, link2);
  await second.waitForSelector('#panel:not([hidden]) header h2');
  const restored = await second.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg;
    return { view: kg.state.view, selected: kg.state.selected, from: kg.state.filters.from, to: kg.state.filters.to, projectionShown: kg.sigma.getGraph() === kg.model.projection };
  });
  expect(restored).toEqual({ view: 'projection', selected: putin, ...before, projectionShown: true });
  expect(await second.textContent('.range-text')).toBe('2 Dec 2025 – 2 Dec 2025');
  expect(await second.textContent('#panel header h2')).toMatch(/Putin/);
  expect(await second.getAttribute('[data-view="projection"]', 'class')).toContain('active');
  await second.waitForTimeout(600);
  await screenshot(second, `${name}-5-deep-link`);
  expect(errors2).toEqual([]);
  await second.close();

  // 6. Esc clears the selection; the URL follows.
  await page.keyboard.press('Escape');
  expect(await page.isHidden('#panel')).toBe(true);
  expect(page.url()).not.toContain('node=');
  expect(errors).toEqual([]);
  await page.close();
}

export async function setDateRange(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([f, t]) => {
      const day = (iso: string) => String(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000));
      for (const [name, value] of [['from', f], ['to', t]] as const) {
        const input = document.querySelector<HTMLInputElement>(`input[data-range="${name}"]`)!;
        input.value = day(value!);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    [from, to],
  );
}
