import type { DocumentMeta, InputProblem } from './document';
import { metaFromFields } from './header';

/**
 * Reads a Markdown article: `---` front matter (flat `key: value` pairs, the
 * part of YAML that article front matter uses), then the body, from which
 * Markdown syntax is dropped so that offsets point into plain prose.
 */
export function readMarkdown(path: string, text: string): { meta: DocumentMeta; body: string; warnings: InputProblem[] } {
  const warnings: InputProblem[] = [];
  let body = text;
  let raw: Record<string, string> = {};
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (fm) {
    raw = {};
    fm[1]!.split('\n').forEach((line, i) => {
      if (!line.trim() || line.trim().startsWith('#')) return;
      const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
      if (!m) warnings.push({ path, line: i + 2, message: `front matter line not understood: ${line.slice(0, 60)}` });
      else raw[m[1]!.toLowerCase()] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
    });
    body = text.slice(fm[0].length);
  }
  const meta = metaFromFields(raw, (key, message) => warnings.push({ path, message: `front matter ${key}: ${message}` }));
  const heading = /^#\s+(.+)$/m.exec(body);
  if (!meta.title && heading) meta.title = heading[1]!.trim();
  return { meta, body: stripMarkdown(body), warnings };
}

export function stripMarkdown(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
