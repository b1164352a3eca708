import fs from 'node:fs';
import path from 'node:path';
import { buildDir } from '../lib/server/build-dir.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * A copy of the production build without its page cache, for a drill that starts its own
 * server: it renders (and caches) its own pages instead of serving the suite's.
 */
export function copyBuildWithoutPageCache(target: string, sourceDist = buildDir): void {
  const source = path.resolve(ROOT, sourceDist);
  if (!fs.existsSync(path.join(source, 'BUILD_ID'))) throw new Error(`no production build in ${sourceDist}: run \`next build\` first`);
  const skip = new Set([path.join(source, 'cache'), path.join(source, 'server', 'route-cache')]);
  fs.rmSync(path.resolve(ROOT, target), { recursive: true, force: true });
  fs.cpSync(source, path.resolve(ROOT, target), { recursive: true, filter: (src) => !skip.has(src) });
}
