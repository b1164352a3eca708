/**
 * The production server for scripts/loadtest.mjs: build (as npm run bench
 * does, into its own NEXT_DIST_DIR so a running server elsewhere is not
 * disturbed), start with `npm start` (whatever the start script is: `next
 * start` today, maybe `node server.mjs` tomorrow) in its own process group,
 * sample the memory of its process tree, and stop the whole group.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run build` into distDir. Next adds "<distDir>/types/**" entries to
 * tsconfig.json's include list for a non-default distDir; when that is the
 * only change, the file is put back exactly as it was.
 */
export function build(root, env, distDir) {
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
  restoreTsconfig(tsconfig, before, distDir);
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

export function restoreTsconfig(file, before, distDir) {
  const after = fs.readFileSync(file, 'utf8');
  if (after === before) return;
  try {
    const strip = (config) => ({
      ...config,
      include: (config.include ?? []).filter((entry) => !entry.replace(/^\.\//, '').startsWith(`${distDir}/`)),
    });
    if (JSON.stringify(strip(JSON.parse(after))) === JSON.stringify(strip(JSON.parse(before)))) {
      fs.writeFileSync(file, before);
      console.log(`(tsconfig.json: removed the ${distDir}/types entries the build added)`);
      return;
    }
  } catch {}
  // Something else changed it meanwhile (another build, an edit): take out only our entries, line by line.
  const entry = new RegExp(`^\\s*"(\\./)?${distDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^"]*",?\\s*$`);
  const out = [];
  for (const line of after.split('\n')) {
    if (entry.test(line)) {
      if (!line.trimEnd().endsWith(',') && out.length) out[out.length - 1] = out[out.length - 1].replace(/,\s*$/, '');
      continue;
    }
    out.push(line);
  }
  const cleaned = out.join('\n');
  if (cleaned === after) return;
  try {
    JSON.parse(cleaned);
    fs.writeFileSync(file, cleaned);
    console.log(`(tsconfig.json: removed the ${distDir}/types entries the build added; other changes kept)`);
  } catch {
    console.warn(`! tsconfig.json: could not remove the ${distDir} entries the build added; left as it is`);
  }
}

export function hasBuild(root, distDir) {
  return fs.existsSync(path.join(root, distDir, 'BUILD_ID'));
}

/** Pages rendered from an earlier database must not be served: Next keeps them under cache/ and server/route-cache/. */
export function clearRenderCache(root, distDir) {
  fs.rmSync(path.join(root, distDir, 'cache'), { recursive: true, force: true });
  fs.rmSync(path.join(root, distDir, 'server', 'route-cache'), { recursive: true, force: true });
}

export class Server {
  constructor(root, env, logFile) {
    this.root = root;
    this.env = env;
    this.logFile = logFile;
    this.proc = null;
    this.exited = null;
    this.peak = { rssKb: 0, pid: null, name: null, treeKb: 0 };
    this.sampler = null;
  }

  start() {
    const log = fs.openSync(this.logFile, 'a');
    // detached: the server gets its own process group (npm → sh → next/node), stopped as a whole.
    this.proc = spawn('npm', ['start'], { cwd: this.root, env: this.env, detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.proc.once('exit', (code, signal) => {
      this.exitInfo = `npm start ended with ${signal ? `signal ${signal}` : `exit code ${code}`} at ${new Date().toISOString()}${this.stopped || this.stopping ? '' : ', not stopped by the load test'}`;
    });
    this.sampler = setInterval(() => this.sample(), 500);
    this.sampler.unref();
    return this.proc.pid;
  }

  get alive() {
    return this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async waitHealthy(url, ms = 120_000) {
    const until = Date.now() + ms;
    let last = '';
    while (Date.now() < until) {
      if (!this.alive) throw new Error(`the server exited before answering (see ${this.logFile})`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (res.status === 200) return await res.json();
        last = `status ${res.status}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`${url} did not answer 200 within ${ms / 1000} s (${last})`);
  }

  /** Processes of the server's tree with their VmRSS (kB) and a short name. */
  tree() {
    if (!this.proc) return [];
    const parents = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(entry), ppid);
      } catch {}
    }
    const members = new Set([this.proc.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of parents) {
        if (!members.has(pid) && members.has(ppid)) {
          members.add(pid);
          grew = true;
        }
      }
    }
    const out = [];
    for (const pid of members) {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const rssKb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
        out.push({ pid, rssKb, name: cmd.slice(0, 80) });
      } catch {}
    }
    return out;
  }

  /** CPU seconds (user + system) used so far by the processes of the tree (clock ticks of 1/100 s on Linux). */
  cpuSeconds() {
    let ticks = 0;
    for (const { pid } of this.tree()) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {}
    }
    return ticks / 100;
  }

  /** The largest process of the tree is the server itself (npm and sh are a few MB). */
  sample() {
    const procs = this.tree();
    if (!procs.length) return;
    const biggest = procs.reduce((a, b) => (b.rssKb > a.rssKb ? b : a));
    const total = procs.reduce((sum, p) => sum + p.rssKb, 0);
    if (biggest.rssKb > this.peak.rssKb) Object.assign(this.peak, { rssKb: biggest.rssKb, pid: biggest.pid, name: biggest.name });
    if (total > this.peak.treeKb) this.peak.treeKb = total;
  }

  /** SIGTERM to the process group, SIGKILL after graceMs; resolves when the group is gone. */
  async stop(graceMs = 15_000) {
    if (this.sampler) clearInterval(this.sampler);
    if (!this.proc || this.stopped) return;
    this.stopping = true;
    const pgid = this.proc.pid;
    const groupAlive = () => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (!groupAlive()) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {}
    const until = Date.now() + graceMs;
    while (groupAlive() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive()) {
      console.warn(`! the server group ${pgid} did not stop within ${graceMs / 1000} s of SIGTERM: SIGKILL`);
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
    }
    this.stopped = true;
  }

  /** Synchronous last resort (process 'exit' handler). */
  killNow() {
    if (!this.proc || this.stopped) return;
    try {
      process.kill(-this.proc.pid, 'SIGTERM');
    } catch {}
  }
}
