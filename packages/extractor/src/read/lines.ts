import { createReadStream } from 'node:fs';

/**
 * Streams a file as lines of bytes, so a JSONL feed of any size is read in
 * constant memory, and each line is decoded (and judged) on its own.
 */
export async function* byteLines(path: string, maxLineBytes = Infinity): AsyncGenerator<{ line: number; bytes: Buffer; last: boolean; tooLong?: number }> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  // A line longer than maxLineBytes is not kept: only its length, and it is yielded empty with tooLong set.
  let skipped = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) >= 0) {
      line++;
      if (skipped) {
        yield { line, bytes: Buffer.alloc(0), last: false, tooLong: skipped + nl };
        skipped = 0;
      } else if (nl > maxLineBytes) yield { line, bytes: Buffer.alloc(0), last: false, tooLong: nl };
      else yield { line, bytes: buf.subarray(0, nl), last: false };
      buf = buf.subarray(nl + 1);
    }
    if (skipped || buf.length > maxLineBytes) {
      skipped += buf.length;
      buf = Buffer.alloc(0);
    }
    rest = Buffer.from(buf);
  }
  if (skipped) yield { line: line + 1, bytes: Buffer.alloc(0), last: true, tooLong: skipped + rest.length };
  else if (rest.length) yield { line: line + 1, bytes: rest, last: true };
}
