import type { Page } from 'playwright-core';

/** The query console, driven as a reader does: open it, type, Ctrl+Enter. */

/** Chromium logs every non-2xx fetch as a console error; a refused query is one on purpose. */
export const realErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

export async function openConsole(page: Page): Promise<void> {
  await page.click('#console-toggle');
  await page.waitForSelector('#console:not([hidden]) .cm-content');
}

const runs = (page: Page) => page.evaluate(() => Number(document.getElementById('console')!.dataset.runs ?? 0));

/** Presses Ctrl+Enter in the editor and waits for the run to finish. */
export async function runInConsole(page: Page): Promise<void> {
  const before = await runs(page);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((n) => Number(document.getElementById('console')!.dataset.runs ?? 0) > n, before, { timeout: 60_000 });
}

/** Replaces the editor's text by typing, as a reader would. */
export async function typeQuery(page: Page, cypher: string): Promise<void> {
  await page.click('#console .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(cypher, { delay: 2 });
}

export async function tableRows(page: Page): Promise<{ columns: string[]; rows: string[][] }> {
  return page.evaluate(() => ({
    columns: [...document.querySelectorAll('#console .console-table th')].map((th) => th.textContent ?? ''),
    rows: [...document.querySelectorAll('#console .console-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  }));
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
