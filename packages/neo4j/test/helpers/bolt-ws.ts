import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * Bolt over WebSocket as a web page speaks it, written out byte by byte so
 * the test controls every header (Origin above all) and sees every answer:
 * the HTTP upgrade, the Bolt handshake, then Bolt 5.0 messages (HELLO with
 * the credentials, RUN, PULL) in PackStream. Just enough of both protocols
 * for what the attack tests send and read; not a driver.
 */
export interface BoltWs {
  /** The HTTP status line the upgrade got, e.g. "HTTP/1.1 101 Switching Protocols". */
  upgrade: string;
  /** The Bolt version the server chose, e.g. "5.0"; undefined when the socket closed first. */
  version?: string;
  /** Sends one Bolt message and waits for its summary (or a RECORD... SUCCESS run for PULL). */
  request(tag: number, fields: unknown[]): Promise<BoltReply[]>;
  /** True once the server has closed the connection. */
  closed(): boolean;
  close(): void;
}

export interface BoltReply {
  type: 'SUCCESS' | 'FAILURE' | 'IGNORED' | 'RECORD' | 'CLOSED';
  data?: unknown;
}

export const HELLO = 0x01;
export const RUN = 0x10;
export const PULL = 0x3f;

export async function openBoltWs(port: number, origin: string): Promise<BoltWs> {
  const sock = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  let raw = Buffer.alloc(0); // bytes from the socket, not yet parsed
  let payload = Buffer.alloc(0); // WebSocket payload bytes, not yet parsed as Bolt
  let isClosed = false;
  let wake: (() => void) | undefined;
  sock.on('data', (d: Buffer) => {
    raw = Buffer.concat([raw, d]);
    wake?.();
  });
  sock.on('close', () => {
    isClosed = true;
    wake?.();
  });
  sock.on('error', () => {});
  const waitData = () => new Promise<void>((r) => (wake = r));

  sock.write(
    [
      'GET / HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Origin: ${origin}`,
      '',
      '',
    ].join('\r\n'),
  );
  let end;
  while ((end = raw.indexOf('\r\n\r\n')) < 0) {
    if (isClosed) return { upgrade: raw.toString('latin1').split('\r\n')[0] ?? '', request: async () => [{ type: 'CLOSED' }], closed: () => true, close: () => {} };
    await waitData();
  }
  const upgrade = raw.subarray(0, end).toString('latin1').split('\r\n')[0]!;
  raw = raw.subarray(end + 4);

  const sendFrame = (data: Buffer) => {
    // Client frames are masked (RFC 6455); one binary frame per write.
    const mask = randomBytes(4);
    const len = data.length;
    const head = len < 126 ? Buffer.from([0x82, 0x80 | len]) : Buffer.from([0x82, 0x80 | 126, len >> 8, len & 0xff]);
    const body = Buffer.from(data.map((b, i) => b ^ mask[i % 4]!));
    sock.write(Buffer.concat([head, mask, body]));
  };
  // Server frames are unmasked; collects their payloads into `payload`.
  const pump = () => {
    for (;;) {
      if (raw.length < 2) return;
      let len = raw[1]! & 0x7f;
      let off = 2;
      if (len === 126) {
        if (raw.length < 4) return;
        len = raw.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (raw.length < 10) return;
        len = Number(raw.readBigUInt64BE(2));
        off = 10;
      }
      if (raw.length < off + len) return;
      const opcode = raw[0]! & 0x0f;
      if (opcode === 0x2 || opcode === 0x0) payload = Buffer.concat([payload, raw.subarray(off, off + len)]);
      if (opcode === 0x8) isClosed = true;
      raw = raw.subarray(off + len);
    }
  };
  const take = async (n: number): Promise<Buffer | undefined> => {
    for (;;) {
      pump();
      if (payload.length >= n) {
        const out = payload.subarray(0, n);
        payload = payload.subarray(n);
        return out;
      }
      if (isClosed) return undefined;
      await waitData();
    }
  };

  if (!upgrade.includes(' 101 ')) return { upgrade, request: async () => [{ type: 'CLOSED' }], closed: () => true, close: () => sock.destroy() };
  // Magic, then four proposals: 5.0 only, as a page's driver of that version would.
  sendFrame(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  const agreed = await take(4);
  const version = agreed ? `${agreed[3]}.${agreed[2]}` : undefined;

  const readMessage = async (): Promise<Buffer | undefined> => {
    const parts: Buffer[] = [];
    for (;;) {
      const h = await take(2);
      if (!h) return undefined;
      const n = h.readUInt16BE(0);
      if (n === 0) {
        if (parts.length) return Buffer.concat(parts);
        continue; // a NOOP chunk
      }
      const chunk = await take(n);
      if (!chunk) return undefined;
      parts.push(chunk);
    }
  };

  return {
    upgrade,
    version,
    closed: () => isClosed,
    close: () => sock.destroy(),
    async request(tag, fields) {
      const msg = Buffer.concat([Buffer.from([0xb0 | fields.length, tag]), ...fields.map(pack)]);
      sendFrame(Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg, Buffer.from([0, 0])]));
      const replies: BoltReply[] = [];
      for (;;) {
        const m = await readMessage();
        if (!m) return [...replies, { type: 'CLOSED' }];
        const [value] = unpack(m, 0);
        const s = value as { tag: number; fields: unknown[] };
        const types: Record<number, BoltReply['type']> = { 0x70: 'SUCCESS', 0x7f: 'FAILURE', 0x7e: 'IGNORED', 0x71: 'RECORD' };
        const type = types[s.tag];
        replies.push({ type: type ?? 'FAILURE', data: s.fields[0] });
        if (type !== 'RECORD') return replies;
      }
    },
  };
}

// ---- PackStream: strings, integers, booleans, null, lists, maps ----------------

function pack(v: unknown): Buffer {
  if (v === null || v === undefined) return Buffer.from([0xc0]);
  if (v === true) return Buffer.from([0xc3]);
  if (v === false) return Buffer.from([0xc2]);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= -16 && v < 128) return Buffer.from([v & 0xff]);
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeBigInt64BE(BigInt(v), 1);
    return b;
  }
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    const head = s.length < 16 ? Buffer.from([0x80 | s.length]) : s.length < 256 ? Buffer.from([0xd0, s.length]) : Buffer.from([0xd1, s.length >> 8, s.length & 0xff]);
    return Buffer.concat([head, s]);
  }
  if (Array.isArray(v)) return Buffer.concat([Buffer.from([0x90 | v.length]), ...v.map(pack)]);
  const entries = Object.entries(v as Record<string, unknown>);
  return Buffer.concat([Buffer.from([0xa0 | entries.length]), ...entries.flatMap(([k, x]) => [pack(k), pack(x)])]);
}

function unpack(b: Buffer, i: number): [unknown, number] {
  const m = b[i]!;
  const hi = m & 0xf0;
  const seq = (n: number, at: number, f: (at: number) => [unknown, number]): [unknown[], number] => {
    const out: unknown[] = [];
    for (let k = 0; k < n; k++) {
      const [x, next] = f(at);
      out.push(x);
      at = next;
    }
    return [out, at];
  };
  const map = (n: number, at: number): [Record<string, unknown>, number] => {
    const [kv, next] = seq(n * 2, at, (p) => unpack(b, p));
    const o: Record<string, unknown> = {};
    for (let k = 0; k < kv.length; k += 2) o[String(kv[k])] = kv[k + 1];
    return [o, next];
  };
  const str = (n: number, at: number): [string, number] => [b.subarray(at, at + n).toString('utf8'), at + n];
  if (m < 0x80) return [m, i + 1];
  if (m >= 0xf0) return [m - 0x100, i + 1];
  if (hi === 0x80) return str(m & 0x0f, i + 1);
  if (hi === 0x90) return seq(m & 0x0f, i + 1, (p) => unpack(b, p));
  if (hi === 0xa0) return map(m & 0x0f, i + 1);
  if (hi === 0xb0) {
    const [fields, next] = seq(m & 0x0f, i + 2, (p) => unpack(b, p));
    return [{ tag: b[i + 1], fields }, next];
  }
  switch (m) {
    case 0xc0:
      return [null, i + 1];
    case 0xc1:
      return [b.readDoubleBE(i + 1), i + 9];
    case 0xc2:
      return [false, i + 1];
    case 0xc3:
      return [true, i + 1];
    case 0xc8:
      return [b.readInt8(i + 1), i + 2];
    case 0xc9:
      return [b.readInt16BE(i + 1), i + 3];
    case 0xca:
      return [b.readInt32BE(i + 1), i + 5];
    case 0xcb:
      return [Number(b.readBigInt64BE(i + 1)), i + 9];
    case 0xd0:
      return str(b[i + 1]!, i + 2);
    case 0xd1:
      return str(b.readUInt16BE(i + 1), i + 3);
    case 0xd2:
      return str(b.readUInt32BE(i + 1), i + 5);
    case 0xd4:
      return seq(b[i + 1]!, i + 2, (p) => unpack(b, p));
    case 0xd5:
      return seq(b.readUInt16BE(i + 1), i + 3, (p) => unpack(b, p));
    case 0xd8:
      return map(b[i + 1]!, i + 2);
    case 0xd9:
      return map(b.readUInt16BE(i + 1), i + 3);
    default:
      throw new Error(`PackStream marker 0x${m.toString(16)} is not handled by this test client`);
  }
}
