import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, isJsonContentType, readJsonBody, sendJson } from './http-io.ts';
import { INVALID_CREDENTIALS, parseRecordingsRequest, parseRoomId, type CredentialGate } from './recordings-api.ts';
import type { RecordingsSource } from './recordings-source.ts';
import { isSecureRequest } from './request-origin.ts';
import {
  SESSION_COOKIE,
  SessionSealer,
  clearedSessionCookie,
  readCookie,
  sessionCookie,
} from './session-cookie.ts';

const SESSION_ENDED = 'Your session has ended. Please sign in again.';
// A room nobody has: the upstream's answer to it is small, and says whether the key works.
const SESSION_CHECK_ROOM = '__session_check__';

export interface SessionDeps {
  gate: CredentialGate;
  source: RecordingsSource;
  sealer: SessionSealer;
  publicUrl: string | null;
}

/**
 * Backend-for-frontend: the dashboard trades `{client_id, auth_key}` once for an HttpOnly cookie,
 * so page script never holds the key after sign-in.
 */
export async function handleSession(req: IncomingMessage, res: ServerResponse, deps: SessionDeps, signal: AbortSignal) {
  const secure = isSecureRequest(req, deps.publicUrl);
  if (req.method === 'GET' || req.method === 'HEAD') {
    const session = deps.sealer.unseal(readCookie(req, SESSION_COOKIE));
    if (!session) throw new HttpError(401, 'Not signed in', staleCookieHeaders(req, secure));
    return sendJson(res, 200, { status: true, client_id: session.clientId });
  }
  if (req.method === 'DELETE') {
    requireJson(req);
    res.writeHead(204, { 'Set-Cookie': clearedSessionCookie(secure), 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed', { Allow: 'GET, POST, DELETE' });
  requireJson(req);
  const request = parseRecordingsRequest(await readJsonBody(req));
  const { answer, query } = await deps.gate.check(req, { ...request, roomId: SESSION_CHECK_ROOM }, signal);
  answer.discard();
  if (answer.outcome === 'denied') throw new HttpError(401, INVALID_CREDENTIALS);
  if (answer.outcome === 'unexpected') throw new HttpError(502, 'Recordings API returned an unexpected answer');
  const cookie = deps.sealer.seal({ clientId: query.clientId, authKey: query.authKey });
  sendJson(res, 200, { status: true, client_id: query.clientId }, { 'Set-Cookie': sessionCookie(cookie, secure) });
}

/** `POST /api/videos`: answers exactly as /get/videos would for the session's credentials. */
export async function handleSessionVideos(req: IncomingMessage, res: ServerResponse, deps: SessionDeps, signal: AbortSignal) {
  if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed', { Allow: 'POST' });
  requireJson(req);
  const body = (await readJsonBody(req)) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Request body must be a JSON object');
  }
  const roomId = parseRoomId(Object.hasOwn(body, 'room_id') ? (body as Record<string, unknown>).room_id : undefined);
  const secure = isSecureRequest(req, deps.publicUrl);
  const session = deps.sealer.unseal(readCookie(req, SESSION_COOKIE));
  if (!session) throw new HttpError(401, SESSION_ENDED, staleCookieHeaders(req, secure));
  const answer = await deps.source.query({ ...session, roomId }, signal);
  if (answer.outcome === 'denied') {
    // The key inside the cookie stopped working (rotated, revoked): the session is over.
    answer.discard();
    throw new HttpError(401, SESSION_ENDED, { 'Set-Cookie': clearedSessionCookie(secure) });
  }
  await answer.send(req, res);
}

/** A JSON Content-Type makes a cross-site form post impossible without a CORS preflight. */
function requireJson(req: IncomingMessage): void {
  if (!isJsonContentType(req)) throw new HttpError(415, 'Content-Type must be application/json');
}

function staleCookieHeaders(req: IncomingMessage, secure: boolean): Record<string, string> {
  return readCookie(req, SESSION_COOKIE) === undefined ? {} : { 'Set-Cookie': clearedSessionCookie(secure) };
}
