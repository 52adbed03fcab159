import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Subgraph } from './subgraph';
import { toCsv } from './formats/csv';
import { toCypherScript } from './formats/cypher';
import { toGexf } from './formats/gexf';
import { toGraphml } from './formats/graphml';
import { writeGraphJson } from './formats/json';

export const FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { gexf: '.gexf', graphml: '.graphml', json: '.json', csv: '', cypher: '.cypher' };

/**
 * Writes the subgraph in one format: to a file (csv: a folder, created if
 * needed), or to standard output when `out` is undefined or "-" (not csv).
 * Returns the paths written and any warnings.
 */
export async function writeExport(g: Subgraph, format: ExportFormat, out: string | undefined, opts: { seed?: number; iterations?: number } = {}): Promise<{ paths: string[]; warnings: string[] }> {
  const toStdout = out === undefined || out === '-';
  if (format === 'csv') {
    if (toStdout) throw new Error('csv writes a folder of files: give --out FOLDER');
    const csv = toCsv(g);
    await mkdir(out, { recursive: true });
    const paths: string[] = [];
    for (const [name, content] of Object.entries(csv.files)) {
      const p = path.join(out, name);
      await writeFile(p, content);
      paths.push(p);
    }
    return { paths, warnings: csv.warnings };
  }
  if (!toStdout) await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const stream = toStdout ? process.stdout : createWriteStream(out);
  if (format === 'json') await writeGraphJson(g, stream);
  else {
    const text = format === 'gexf' ? toGexf(g, opts) : format === 'graphml' ? toGraphml(g) : toCypherScript(g);
    if (!stream.write(text)) await once(stream, 'drain');
  }
  if (!toStdout) {
    stream.end();
    await once(stream, 'finish');
  }
  return { paths: toStdout ? [] : [out], warnings: [] };
}
