import { promises as fs } from 'node:fs';
import { parseSerializedGraph, SerializedGraph, type GraphBatch } from '@kg/graph-schema';
import { describeFsError } from '../read/discover';
import { fieldName } from './json-source';

/** Reads a graph file (`kg extract --out`, `kg export --format json`); throws an error that names the file and the offending entry. */
export async function readGraphFile(file: string): Promise<GraphBatch> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: ${describeFsError(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const shape = SerializedGraph.safeParse(data);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    throw new Error(`${file}: not a kg graph file: ${fieldName(issue.path) || 'the file'}: ${issue.message}`);
  }
  try {
    return parseSerializedGraph(shape.data);
  } catch (e) {
    throw new Error(`${file}: not a kg graph file: ${(e as Error).message}`);
  }
}
