// @ts-check
/**
 * Runs docs/nginx.conf as documented, in a folder of its own, in front of a
 * server on this machine: used by the bench (scripts/bench.mjs) and by
 * e2e/nginx.spec.ts. The config is the documented file with its @…@
 * placeholders filled in, nothing else.
 */
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The nginx binary, or null when it is not installed (`apt-get install nginx`). */
export function findNginx() {
  try {
    return execSync('command -v nginx || ls /usr/sbin/nginx', { shell: '/bin/bash', stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().split('\n')[0] || null;
  } catch {
    return null;
  }
}

/**
 * Starts nginx (not as a daemon: the returned process is nginx's master).
 * `runDir` must exist; nginx's workers drop to an unprivileged user, so it and
 * everything they read must be readable by all.
 * @param {{ nginx: string, runDir: string, upstreamPort: number, listenPort: number, staticPort: number }} options
 */
export function startNginx({ nginx, runDir, upstreamPort, listenPort, staticPort }) {
  const conf = fs
    .readFileSync(path.join(root, 'docs/nginx.conf'), 'utf8')
    .replaceAll('@RUNDIR@', runDir)
    .replaceAll('@UPSTREAM_PORT@', String(upstreamPort))
    .replaceAll('@LISTEN_PORT@', String(listenPort))
    .replaceAll('@STATIC_PORT@', String(staticPort));
  fs.writeFileSync(path.join(runDir, 'nginx.conf'), conf);
  return spawn(nginx, ['-c', path.join(runDir, 'nginx.conf'), '-g', 'daemon off;'], { detached: true, stdio: 'inherit' });
}
