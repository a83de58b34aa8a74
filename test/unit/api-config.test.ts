import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/config';

describe('readConfig', () => {
  it('defaults to server mode: the dashboard server holds the key', () => {
    expect(readConfig({})).toMatchObject({ apiMode: 'server', apiBase: '', recordingsApiUrl: null, problem: null });
    expect(readConfig({ VITE_API_MODE: 'server', VITE_API_BASE: '/dashboard' })).toMatchObject({ apiMode: 'server', apiBase: '/dashboard' });
  });

  it('reads direct mode with an https API address, without a trailing slash', () => {
    expect(readConfig({ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'https://api.example.com/v1/' })).toMatchObject({
      apiMode: 'direct',
      recordingsApiUrl: 'https://api.example.com/v1',
      problem: null,
    });
    expect(readConfig({ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'http://localhost:8080' }).recordingsApiUrl).toBe(
      'http://localhost:8080',
    );
  });

  it.each([
    [{ VITE_API_MODE: 'direct' }, 'VITE_RECORDINGS_API_URL is not set'],
    [{ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'api.example.com' }, 'not an absolute URL'],
    [{ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'http://api.example.com' }, 'must be an https:// address'],
    [{ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'https://user:pass@api.example.com' }, 'without credentials'],
    [{ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: 'https://api.example.com/?auth_key=x' }, 'without credentials, query'],
    [{ VITE_API_MODE: 'directly' }, 'VITE_API_MODE must be "server" or "direct"'],
  ])('names what is wrong with %j instead of failing later', (env, problem) => {
    const config = readConfig(env);
    expect(config.problem).toContain(problem);
    expect(config.recordingsApiUrl).toBeNull();
  });
});
