import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentMeta, InputProblem } from './document';
import { metaFromFields } from './header';

const SidecarFile = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * `meta.json` beside articles gives their metadata by file name, as in
 * `{"a.txt": {"published": "2025-12-03", "publisher": "AP"}}`. Read once per
 * folder and cached; a broken one is reported once and ignored.
 */
export class SidecarMeta {
  private cache = new Map<string, Promise<Map<string, DocumentMeta>>>();
  readonly problems: InputProblem[] = [];

  async forFile(file: string): Promise<DocumentMeta> {
    const dir = path.dirname(file);
    let entry = this.cache.get(dir);
    if (!entry) {
      entry = this.load(dir);
      this.cache.set(dir, entry);
    }
    return (await entry).get(path.basename(file)) ?? {};
  }

  private async load(dir: string): Promise<Map<string, DocumentMeta>> {
    const file = path.join(dir, 'meta.json');
    const out = new Map<string, DocumentMeta>();
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch {
      return out;
    }
    let parsed;
    try {
      parsed = SidecarFile.safeParse(JSON.parse(raw));
    } catch (e) {
      this.problems.push({ path: file, message: `not valid JSON (${(e as Error).message}); ignored` });
      return out;
    }
    if (!parsed.success) {
      this.problems.push({ path: file, message: 'expected {"file name": {"published": …}}; ignored' });
      return out;
    }
    for (const [name, fields] of Object.entries(parsed.data))
      out.set(name, metaFromFields(fields, (key, message) => this.problems.push({ path: file, message: `${name} ${key}: ${message}` })));
    return out;
  }
}
