import { z } from 'zod';
import type { DocumentMeta, InputProblem } from './document';
import { metaFromFields } from './header';
import { byteLines } from './lines';

const JsonlRecord = z.object({
  text: z.string().refine((t) => t.trim().length > 0, 'text is empty'),
  title: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  publisher: z.string().optional(),
});

export type JsonlItem =
  | { ok: true; line: number; meta: DocumentMeta; body: string; warnings: InputProblem[] }
  | { ok: false; problem: InputProblem };

/** One article per line; a bad line is reported with its number and the others go on. */
export async function* readJsonl(path: string, maxLineBytes = Infinity): AsyncGenerator<JsonlItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const { line, bytes, last, tooLong } of byteLines(path, maxLineBytes)) {
    const fail = (message: string): JsonlItem => ({ ok: false, problem: { path, line, message } });
    if (tooLong) {
      yield fail(`line too large for one article (${(tooLong / 1024 / 1024).toFixed(1)} MB > ${(maxLineBytes / 1024 / 1024).toFixed(1)} MB)`);
      continue;
    }
    if (!bytes.toString('latin1').trim()) continue;
    if (bytes.includes(0)) {
      yield fail('binary content (NUL byte) in this line');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes));
    } catch (e) {
      const what = e instanceof TypeError ? 'invalid UTF-8' : last ? 'truncated or malformed JSON (last line)' : 'malformed JSON';
      yield fail(`${what}: ${(e as Error).message.slice(0, 120)}`);
      continue;
    }
    const rec = JsonlRecord.safeParse(value);
    if (!rec.success) {
      yield fail(`not an article record: ${rec.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ')}`);
      continue;
    }
    const warnings: InputProblem[] = [];
    const meta = metaFromFields(rec.data, (key, message) => warnings.push({ path, line, message: `${key}: ${message}` }));
    yield { ok: true, line, meta, body: rec.data.text.replace(/\r\n?/g, '\n'), warnings };
  }
}
