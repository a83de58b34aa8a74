import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { DEMO_ACCOUNTS, seedDemoData } from './demo-data.ts';
import { loadSessionSecret } from './session-secret.ts';
import { RecordingsStore } from './store.ts';

export interface StartedServer {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** Opens (and if empty, seeds) the store and listens. Shared by `npm start` and `npm run dev`. */
export async function startServer(config: ServerConfig): Promise<StartedServer> {
  const store = config.recordingsApiUrl ? undefined : RecordingsStore.open(config.dataDir);
  if (store?.isEmpty()) {
    const started = performance.now();
    await seedDemoData(store, { schoolRecordings: config.seedRecordings });
    if (config.logLevel === 'info') {
      console.log(`Seeded demo data in ${Math.round(performance.now() - started)} ms`);
    }
  }
  const server = createApp({ config, store, sessionSecret: loadSessionSecret(config.dataDir, config.sessionSecret) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        // Idle keep-alive sockets would hold close() open; busy ones get 10 s to finish.
        server.close(() => {
          store?.close();
          resolve();
        });
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}

export function printBanner(config: ServerConfig, url: string, title: string): void {
  if (config.logLevel === 'silent') return;
  console.log(`${title} listening on ${url}`);
  if (config.recordingsApiUrl) {
    console.log(`POST /get/videos and /api/* are forwarded to ${config.recordingsApiUrl}/get/videos`);
    return;
  }
  console.log('Demo logins (client_id / auth_key):');
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.clientId} / ${account.authKey}   (${account.about})`);
}
