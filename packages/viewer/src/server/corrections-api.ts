import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import { Correction } from '@kg/graph-schema';
import { applyCorrection, CurationError, listCorrections, suggest } from '@kg/curation';
import { HttpError, NEEDS_NEO4J, readJsonPost, sendJson, type PostContext } from './query-api';

/**
 * The viewer's one write endpoint, for analysts' corrections only (the query
 * console stays read-only). GET /api/corrections gives this page the
 * session's write token, the corrections so far and the suggestions; POST
 * applies one correction through @kg/curation. A POST must carry the token
 * in `x-kg-write-token`: it is made at server start and only a page of this
 * server can read it (the request guard refuses other Hosts, Origins and
 * sites before this runs), so a page elsewhere cannot forge a write.
 */
export const WRITE_TOKEN_HEADER = 'x-kg-write-token';
const MAX_BODY = 64 * 1024;
// what the page sends: a correction without its id and time, which the server gives it
const CorrectionPost = Correction.omit({ id: true, at: true }).extend({ by: Correction.shape.by.optional() });

export interface CorrectionsContext extends PostContext {
  writeToken: string;
}

export const newWriteToken = () => randomBytes(24).toString('base64url');

export async function handleCorrectionsApi(req: IncomingMessage, res: ServerResponse, ctx: CorrectionsContext): Promise<true> {
  if (!ctx.connection) return sendJson(res, 409, { error: `Corrections need Neo4j. ${NEEDS_NEO4J}` });
  if (req.method === 'GET') {
    const [corrections, suggestions] = await Promise.all([listCorrections(ctx.connection), suggest(ctx.connection)]);
    return sendJson(res, 200, { writeToken: ctx.writeToken, corrections, suggestions });
  }
  if (req.method !== 'POST') throw new HttpError(405, 'GET or POST');
  if (!sameToken(req.headers[WRITE_TOKEN_HEADER], ctx.writeToken)) throw new HttpError(403, `a correction needs this session's write token (${WRITE_TOKEN_HEADER})`);
  const parsed = CorrectionPost.safeParse(await readJsonPost(req, MAX_BODY));
  if (!parsed.success) return sendJson(res, 400, { error: `not a correction: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}` });
  const by = parsed.data.by ?? `${os.userInfo().username} (viewer)`;
  try {
    const stored = await applyCorrection(ctx.connection, { ...parsed.data, by });
    return sendJson(res, 200, { correction: stored });
  } catch (e) {
    if (e instanceof CurationError) return sendJson(res, 400, { error: e.message });
    throw e;
  }
}

function sameToken(got: string | string[] | undefined, want: string): boolean {
  if (typeof got !== 'string' || got.length !== want.length) return false;
  return timingSafeEqual(Buffer.from(got), Buffer.from(want));
}
