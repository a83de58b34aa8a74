import { createServer } from 'vite';
import { ConfigError, loadConfig, type ServerConfig } from './config.ts';
import { printBanner, startServer } from './start-server.ts';

const VITE_PORT = 5173;

/**
 * `npm run dev`: the API on PORT (default 4174) and Vite on 5173, which proxies the API paths so
 * the browser sees one origin, exactly as in production.
 */
async function dev(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig(process.env, { port: 4174 });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  const api = await startServer(config);
  printBanner(config, api.url, 'Recordings API');
  const target = { target: api.url, changeOrigin: false };
  const vite = await createServer({
    server: {
      port: VITE_PORT,
      strictPort: true,
      proxy: { '/api': target, '/get': target, '/media': target },
    },
  });
  await vite.listen();
  console.log(`Dashboard (Vite dev server) on http://localhost:${VITE_PORT}`);
  const shutdown = () => {
    void Promise.all([vite.close(), api.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

dev().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
