import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../../../test-artifacts/viewer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with software WebGL (SwiftShader): sigma needs WebGL and there is no GPU here. `extraArgs` for a test's own flags. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      ...extraArgs,
    ],
  });
}

/** Opens the viewer and waits until sigma has drawn once; collects console errors and page errors. */
export async function openViewer(browser: Browser, url: string, size = { width: 1400, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 });
  return { page, errors };
}

/**
 * Pixels that sigma's canvases actually drew (not the DOM): re-renders
 * synchronously and copies every canvas into a 2D canvas in the same task,
 * before the WebGL buffer is swapped away. Returns the count of non-transparent
 * pixels and of "coloured" ones (clearly not grey/white: nodes, not edges or labels).
 */
export async function drawnPixels(page: Page): Promise<{ painted: number; coloured: number; width: number; height: number }> {
  return page.evaluate(() => {
    const kg = (window as unknown as { __kg: { sigma: { refresh(): void; getCanvases(): Record<string, HTMLCanvasElement> } } }).__kg;
    kg.sigma.refresh();
    const canvases = Object.values(kg.sigma.getCanvases());
    const first = canvases[0]!;
    const out = document.createElement('canvas');
    out.width = first.width;
    out.height = first.height;
    const ctx = out.getContext('2d')!;
    for (const c of canvases) ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, out.width, out.height).data;
    let painted = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 30) continue;
      painted++;
      const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return { painted, coloured, width: out.width, height: out.height };
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
