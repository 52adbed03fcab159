import type { InputProblem } from './document';

/**
 * Turns a file's bytes into text, refusing what is not text: binary data
 * (NUL bytes), invalid UTF-8, or nothing at all. Problems name the line.
 */
export function decodeText(path: string, bytes: Uint8Array): { text: string } | { problem: InputProblem } {
  if (bytes.length === 0) return { problem: { path, message: 'empty file' } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: { path, line: lineAt(bytes, nul), message: `binary content (NUL byte at offset ${nul}), not a text article` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { problem: { path, line: lineAt(bytes, bad), message: `invalid UTF-8 at byte offset ${bad}` } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) return { problem: { path, message: 'no text (only white space)' } };
  return { text };
}

export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    if (need && !new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + need + 1)).length) return i;
    i += need + 1;
  }
  return b.length;
}
