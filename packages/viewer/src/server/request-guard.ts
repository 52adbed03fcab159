import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Who the viewer server answers. Every request, on every route (static
 * files included), must name in its Host header one of the names this
 * server serves: 127.0.0.1, localhost, [::1], the address it was told to
 * listen on, and those that KG_VIEW_ALLOWED_HOSTS lists. A DNS-rebinding
 * page (evil.example, re-pointed at 127.0.0.1) sends its own name, and is
 * refused before anything is read.
 *
 * Requests that run or change something (any method but GET and HEAD: the
 * query console, the export, and whatever endpoint comes next) must also
 * come from this server's own pages: an Origin header, when the browser
 * sends one, must be http(s)://<the same Host>; and Sec-Fetch-Site must not
 * say another site. API requests in general are refused when the browser
 * says another site made them.
 *
 * Use: `const guard = requestGuard({ bindHost, allowedHosts })`, then
 * `if (!guard.admit(req, res)) return;` first thing in the request handler
 * (index.ts does this for every route). A refusal is answered with 403.
 */
export interface RequestGuard {
  /** The host names this server answers to, as they appear in a Host header (IPv6 in brackets), lower case. */
  readonly hosts: readonly string[];
  /** Why this request is refused, or undefined when it may go on. */
  check(req: IncomingMessage): Refusal | undefined;
  /** check(), and on a refusal answers 403 with the reason; true when the request may go on. */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface Refusal {
  status: 403;
  message: string;
}

export interface RequestGuardOptions {
  /** The address the server listens on (--host); wildcards (0.0.0.0, ::) add no name. */
  bindHost?: string;
  /** More names to answer to (default: KG_VIEW_ALLOWED_HOSTS). An entry is a host name, or host:port to allow that port only. */
  allowedHosts?: readonly string[];
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** KG_VIEW_ALLOWED_HOSTS: names separated by commas or spaces. */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KG_VIEW_ALLOWED_HOSTS ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}

export function requestGuard(opts: RequestGuardOptions = {}): RequestGuard {
  const extra = (opts.allowedHosts ?? allowedHostsFromEnv()).map(normalizeEntry).filter((h): h is string => h !== undefined);
  const bind = normalizeEntry(opts.bindHost ?? '');
  const hosts = [...new Set([...LOOPBACK, ...(bind && !WILDCARDS.has(bind) ? [bind] : []), ...extra])];
  const names = new Set(hosts);
  const refuse = (message: string): Refusal => ({ status: 403, message });

  function check(req: IncomingMessage): Refusal | undefined {
    const host = parseHost(req.headers.host);
    if (!host || !(names.has(host.hostname) || names.has(host.host)))
      return refuse(
        `This kg viewer answers only to ${hosts.join(', ')}; the request named another host. ` +
          'To open it under another name, add that name to KG_VIEW_ALLOWED_HOSTS.',
      );
    const site = req.headers['sec-fetch-site'];
    const isApi = (req.url ?? '/').startsWith('/api/');
    if (!SAFE_METHODS.has(req.method ?? 'GET') || isApi) {
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse('requests from other sites are refused');
    }
    if (!SAFE_METHODS.has(req.method ?? 'GET')) {
      const origin = req.headers.origin;
      // https too: the same page behind a TLS proxy that the user named in KG_VIEW_ALLOWED_HOSTS.
      if (origin !== undefined && origin !== `http://${host.host}` && origin !== `https://${host.host}`) return refuse('cross-origin requests are refused');
    }
    return undefined;
  }

  return {
    hosts,
    check,
    admit(req, res) {
      const refusal = check(req);
      if (!refusal) return true;
      // The body was not read: do not keep the connection for whatever else the client sends.
      res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'close' });
      res.end(`${refusal.message}\n`);
      return false;
    },
  };
}

/** A Host header as {hostname, host} in lower case (IPv6 in brackets, default port dropped), or undefined if it is not one. */
function parseHost(header: string | undefined): { hostname: string; host: string } | undefined {
  if (!header || /[\s/?#@\\]/.test(header)) return undefined;
  try {
    const u = new URL(`http://${header}`);
    return { hostname: u.hostname, host: u.host };
  } catch {
    return undefined;
  }
}

/** An allowed-host entry (name, IP, [IPv6], bare IPv6, or any of those with :port) as a Host header would carry it. */
function normalizeEntry(entry: string): string | undefined {
  const e = entry.trim().toLowerCase();
  if (WILDCARDS.has(e)) return e;
  // A bare IPv6 address (--host ::1) takes brackets in a Host header.
  const value = e.includes(':') && !e.startsWith('[') && e.split(':').length > 2 ? `[${e}]` : e;
  const parsed = parseHost(value);
  if (!parsed) return undefined;
  return /:\d+$/.test(value) && !value.endsWith(']') ? parsed.host : parsed.hostname;
}
