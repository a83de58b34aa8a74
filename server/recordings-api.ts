import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthThrottle, throttleKey } from './auth-throttle.ts';
import { HttpError, readJsonBody } from './http-io.ts';
import type { RecordingsAnswer, RecordingsQuery, RecordingsSource } from './recordings-source.ts';

export const INVALID_CREDENTIALS = 'Invalid client_id or auth_key';
const MAX_ROOM_ID_LENGTH = 1024;

export interface RecordingsRequest {
  clientId?: string;
  authKey?: string;
  roomId?: string;
}

/** Validates a contract body. Type errors are 400; absent credentials are left for the 401 path. */
export function parseRecordingsRequest(body: unknown): RecordingsRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Request body must be a JSON object');
  }
  const field = (name: string): unknown => (Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined);
  const clientId = field('client_id');
  const authKey = field('auth_key');
  const roomId = field('room_id');
  if (clientId !== undefined && typeof clientId !== 'string') throw new HttpError(400, 'client_id must be a string');
  // Never echo the key, whatever it holds.
  if (authKey !== undefined && typeof authKey !== 'string') throw new HttpError(400, 'auth_key must be a string');
  return { clientId: clientId || undefined, authKey: authKey || undefined, roomId: parseRoomId(roomId) };
}

export function parseRoomId(roomId: unknown): string | undefined {
  if (roomId === undefined) return undefined;
  if (typeof roomId !== 'string') throw new HttpError(400, 'room_id must be a string');
  if (roomId === '') throw new HttpError(400, 'room_id must not be empty');
  if (roomId.length > MAX_ROOM_ID_LENGTH) throw new HttpError(400, `room_id must be at most ${MAX_ROOM_ID_LENGTH} characters`);
  return roomId;
}

/** Runs the throttle around a credentials check shared by /get/videos and /api/session. */
export class CredentialGate {
  constructor(
    private readonly source: RecordingsSource,
    private readonly throttle: AuthThrottle,
  ) {}

  async check(
    req: IncomingMessage,
    request: RecordingsRequest,
    signal: AbortSignal,
  ): Promise<{ answer: RecordingsAnswer; query: RecordingsQuery }> {
    const key = throttleKey(request.clientId, req.socket.remoteAddress);
    const wait = this.throttle.retryAfter(key);
    if (wait > 0) {
      throw new HttpError(429, 'Too many failed sign-in attempts. Try again later.', { 'Retry-After': String(wait) });
    }
    if (request.clientId === undefined || request.authKey === undefined) {
      this.throttle.recordFailure(key);
      throw new HttpError(401, INVALID_CREDENTIALS);
    }
    const query: RecordingsQuery = { clientId: request.clientId, authKey: request.authKey, roomId: request.roomId };
    this.throttle.begin(key);
    let answer: RecordingsAnswer;
    try {
      answer = await this.source.query(query, signal);
    } catch (error) {
      this.throttle.release(key);
      throw error;
    }
    if (answer.outcome === 'denied') this.throttle.recordFailure(key);
    else if (answer.outcome === 'ok') this.throttle.recordSuccess(key);
    // An upstream error page says nothing about the key either way.
    else this.throttle.release(key);
    return { answer, query };
  }
}

/** `POST /get/videos`: the contract itself. */
export async function handleGetVideos(
  req: IncomingMessage,
  res: ServerResponse,
  gate: CredentialGate,
  signal: AbortSignal,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed', { Allow: 'POST' });
  const request = parseRecordingsRequest(await readJsonBody(req));
  const { answer } = await gate.check(req, request, signal);
  // A local refusal gets the generic 401; an upstream's refusal is passed through as it came.
  if (!answer.send) throw new HttpError(401, INVALID_CREDENTIALS);
  await answer.send(req, res);
}
