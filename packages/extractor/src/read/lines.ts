import { createReadStream } from 'node:fs';

/**
 * Streams a file as lines of bytes, so a JSONL feed of any size is read in
 * constant memory, and each line is decoded (and judged) on its own.
 */
export async function* byteLines(path: string): AsyncGenerator<{ line: number; bytes: Buffer; last: boolean }> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) >= 0) {
      line++;
      yield { line, bytes: buf.subarray(0, nl), last: false };
      buf = buf.subarray(nl + 1);
    }
    rest = Buffer.from(buf);
  }
  if (rest.length) yield { line: line + 1, bytes: rest, last: true };
}
