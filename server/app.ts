import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { AuthThrottle } from './auth-throttle.ts';
import type { ServerConfig } from './config.ts';
import { HttpError, sendError, sendJson } from './http-io.ts';
import { createLogger, printable, type Logger } from './logger.ts';
import { MEDIA_PREFIX, handleMedia } from './media-route.ts';
import { CredentialGate, handleGetVideos } from './recordings-api.ts';
import { localRecordings, type RecordingsSource } from './recordings-source.ts';
import { hostAllowed, isSecureRequest } from './request-origin.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { SessionSealer } from './session-cookie.ts';
import { handleSession, handleSessionVideos, type SessionDeps } from './session-routes.ts';
import { handleStatic } from './static-route.ts';
import type { RecordingsStore } from './store.ts';
import { upstreamRecordings } from './upstream-recordings.ts';

export interface AppOptions {
  config: ServerConfig;
  /** Required unless `config.recordingsApiUrl` sends the contract upstream. */
  store?: RecordingsStore;
  sessionSecret: string;
  logger?: Logger;
  /** Failed sign-ins allowed per client_id + IP and minute before answering 429. */
  authFailureLimit?: number;
  upstreamTimeoutMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, rawPath: string, signal: AbortSignal) => Promise<void>;

export function createApp(options: AppOptions): http.Server {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const handle = createHandler(options, logger);
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const rawPath = (req.url ?? '').split(/[?#]/)[0] ?? '';
    res.on('close', () => {
      const outcome = res.writableFinished ? String(res.statusCode) : `${res.statusCode} aborted`;
      logger.info(`${req.method} ${printable(rawPath)} ${outcome} ${Math.round(performance.now() - started)}ms`);
    });
    void handle(req, res, rawPath);
  });
  // Slow-loris guard: a client gets 20 s for its headers and 30 s for its (small) body.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

function createHandler(options: AppOptions, logger: Logger) {
  const { config } = options;
  const source = createSource(options);
  const gate = new CredentialGate(source, new AuthThrottle(options.authFailureLimit ?? 10));
  const session: SessionDeps = { gate, source, sealer: new SessionSealer(options.sessionSecret), publicUrl: config.publicUrl };

  const routes: Record<string, Handler> = {
    '/healthz': async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed', { Allow: 'GET, HEAD' });
      sendJson(res, 200, { ok: true });
    },
    '/get/videos': (req, res, _path, signal) => handleGetVideos(req, res, gate, signal),
    '/api/session': (req, res, _path, signal) => handleSession(req, res, session, signal),
    '/api/videos': (req, res, _path, signal) => handleSessionVideos(req, res, session, signal),
  };

  function route(rawPath: string): Handler {
    const exact = routes[rawPath];
    if (exact) return exact;
    if (/^\/(api|get)(\/|$)/.test(rawPath)) {
      return async () => {
        throw new HttpError(404, 'Not found');
      };
    }
    if (rawPath.startsWith(MEDIA_PREFIX)) return (req, res, path) => handleMedia(req, res, config.mediaDir, path);
    return (req, res, path) => handleStatic(req, res, config.distDir, path);
  }

  return async (req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> => {
    applySecurityHeaders(res, isSecureRequest(req, config.publicUrl));
    // Aborts upstream work when the client hangs up before the answer is complete.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    try {
      if (!rawPath.startsWith('/')) throw new HttpError(400, 'Bad request');
      if (!hostAllowed(req, config.host, config.publicUrl)) throw new HttpError(421, 'Unknown Host');
      await route(rawPath)(req, res, rawPath, gone.signal);
    } catch (error) {
      if (res.headersSent || res.destroyed) {
        if (!(error instanceof HttpError) && !gone.signal.aborted) logger.error(`${req.method} ${printable(rawPath)} failed`, error);
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(res, error);
      if (req.destroyed && gone.signal.aborted) return;
      logger.error(`${req.method} ${printable(rawPath)} failed`, error);
      sendJson(res, 500, { status: false, message: 'Internal server error' });
    }
  };
}

function createSource({ config, store, upstreamTimeoutMs }: AppOptions): RecordingsSource {
  if (config.recordingsApiUrl) return upstreamRecordings(config.recordingsApiUrl, upstreamTimeoutMs);
  if (!store) throw new Error('createApp needs a store when RECORDINGS_API_URL is not set');
  return localRecordings(store, config.publicUrl);
}
