import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rd-config-test-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('fills in the documented defaults and creates DATA_DIR', () => {
    const nested = path.join(dataDir, 'a', 'b');
    const config = loadConfig({ DATA_DIR: nested });
    expect(config).toMatchObject({
      port: 4173,
      host: '127.0.0.1',
      dataDir: nested,
      distDir: path.resolve('dist'),
      mediaDir: path.resolve('server/media/files'),
      publicUrl: null,
      recordingsApiUrl: null,
      sessionSecret: null,
      seedRecordings: 320,
      logLevel: 'info',
    });
  });

  it('normalises URLs', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://recordings.example.com/',
      RECORDINGS_API_URL: 'https://api.example.com/v1/',
    });
    expect(config.publicUrl).toBe('https://recordings.example.com');
    expect(config.recordingsApiUrl).toBe('https://api.example.com/v1');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SEED_RECORDINGS', '1.5'],
    ['SEED_RECORDINGS', '99999999'],
    ['PUBLIC_URL', 'recordings.example.com'],
    ['PUBLIC_URL', 'https://example.com/app'],
    ['PUBLIC_URL', 'ftp://example.com'],
    ['RECORDINGS_API_URL', 'not a url'],
    ['RECORDINGS_API_URL', 'https://user:pass@api.example.com'],
    ['SESSION_SECRET', 'short'],
    ['LOG_LEVEL', 'verbose'],
  ])('rejects %s=%s with a ConfigError naming the variable', (name, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, [name]: value })).toThrow(name);
  });
});
