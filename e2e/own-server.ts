import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyBuildWithoutPageCache, ROOT } from './build-copy';

/**
 * A production server of its own for a drill (server.mjs, as `npm start` runs it), on its own
 * port, SQLite file and copy of the build (without the suite's page cache, so its pages render).
 */
export class OwnServer {
  readonly base: string;
  private readonly dbFile: string;
  private readonly distDir: string;
  private process: ChildProcess | undefined;
  private log = '';

  constructor(
    private readonly name: string,
    private readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {
    this.base = `http://127.0.0.1:${port}`;
    this.dbFile = path.join(tmpdir(), `news-${name}-${process.pid}-${Date.now()}.db`);
    this.distDir = `.next-${name}`;
  }

  get output(): string {
    return this.log;
  }

  get child(): ChildProcess {
    if (!this.process) throw new Error(`${this.name}: not started`);
    return this.process;
  }

  async start(): Promise<void> {
    copyBuildWithoutPageCache(this.distDir);
    this.process = spawn(process.execPath, ['server.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_DIST_DIR: this.distDir,
        PORT: String(this.port),
        DATABASE_URL: `file:${this.dbFile}`,
        NEXTAUTH_URL: this.base,
        SITE_URL: this.base,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-not-for-production',
        NEXT_TELEMETRY_DISABLED: '1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const until = Date.now() + 90_000;
    while (Date.now() < until) {
      if (await fetch(`${this.base}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`${this.name}: the server did not start:\n${this.log}`);
  }

  stop(): void {
    if (this.process && this.process.exitCode === null) this.process.kill('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${this.dbFile}${suffix}`, { force: true });
    rmSync(path.join(ROOT, this.distDir), { recursive: true, force: true });
  }
}
