/** Types for nginx-front.mjs (plain JavaScript so the bench runs it without a build). */
import type { ChildProcess } from 'node:child_process';
export function findNginx(): string | null;
export function startNginx(options: { nginx: string; runDir: string; upstreamPort: number; listenPort: number; staticPort: number }): ChildProcess;
