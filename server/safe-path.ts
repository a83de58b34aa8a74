import { realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';

export interface ResolvedFile {
  file: string;
  stats: Stats;
}

/**
 * Maps a still percent-encoded URL path (relative to `root`) to a regular file that really lives
 * under `root`, or null. Decodes exactly once, refuses anything that could name another place
 * (dot segments, dotfiles, backslashes, NUL, encoded separators or dots, leftover escapes,
 * absolute paths) and checks the realpath, so symlinks out of `root` are refused too.
 */
export async function resolveInside(root: string, encodedPath: string): Promise<ResolvedFile | null> {
  if (/%(2e|2f|5c|00)/i.test(encodedPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
  if (/[\\\0%]/.test(decoded) || path.isAbsolute(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...segments));
    if (!real.startsWith(realRoot + path.sep)) return null;
    const stats = await stat(real);
    return stats.isFile() ? { file: real, stats } : null;
  } catch {
    return null;
  }
}
