import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentMeta, InputProblem } from './document';
import { metaFromFields } from './header';

/**
 * Reads an HTML page: Readability keeps the article and drops the page chrome
 * (menus, related links, footers); paragraphs become blank-line separated
 * prose. Markup and scripts never reach the text, so nothing from the page is
 * ever rendered as HTML later.
 */
export function readHtml(path: string, html: string): { meta: DocumentMeta; body: string; warnings: InputProblem[] } {
  const warnings: InputProblem[] = [];
  const { document } = parseHTML(html);
  const metaContent = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? undefined;
  const raw = {
    title: metaContent('meta[property="og:title"]') ?? document.querySelector('title')?.textContent ?? undefined,
    url: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('meta[property="og:url"]'),
    published:
      metaContent('meta[property="article:published_time"]') ??
      metaContent('meta[name="date"]') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
    publisher: metaContent('meta[property="og:site_name"]'),
  };
  const meta = metaFromFields(raw, (key, message) => warnings.push({ path, message: `${key}: ${message}` }));
  for (const s of document.querySelectorAll('script, style, noscript, template')) s.remove();
  // Readability mutates the document it is given; linkedom's is ours alone.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const body = article?.content ? blocksToText(article.content) : blocksToText(document.body?.innerHTML ?? '');
  if (!meta.title && article?.title) meta.title = article.title;
  return { meta, body, warnings };
}

/** Block elements become paragraphs; inline markup melts into its text. */
function blocksToText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const blocks: string[] = [];
  const BLOCK = /^(P|H[1-6]|LI|BLOCKQUOTE|PRE|FIGCAPTION|TD|TH|DT|DD)$/;
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (BLOCK.test(child.tagName)) {
        const t = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) blocks.push(t);
      } else walk(child);
    }
  };
  walk(document.body as unknown as Element);
  if (!blocks.length) return (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  return blocks.join('\n\n');
}
