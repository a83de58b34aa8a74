import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The player chunk (video.js) is loaded lazily; keep the warning for anything else.
    chunkSizeWarningLimit: 700,
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/harness/setup.ts', 'test/harness/setup-dom.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
