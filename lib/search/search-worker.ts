/**
 * A search worker: a thread of the production server that answers search page requests
 * (lib/search/search-worker-answer.tsx) on its own database connection. The database's work
 * (ranking thousands of matches: milliseconds, and SQLite's driver blocks the thread it runs on)
 * and the rendering are done here, beside the server's main thread, which keeps serving every
 * other page (lib/server/search-pages.mjs). Bundled by scripts/build-search-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { DatabaseAvailability } from '../db/availability';
import { createDatabase, probeDatabase } from '../db/client';
import { answerSearchRequest, type SearchWorkerRequest } from './search-worker-answer';

if (!parentPort) throw new Error('lib/search/search-worker.ts runs as a worker thread of server.mjs');
const port = parentPort;
// As instrumentation.ts does for the server: messages a schema does not spell out come in Vietnamese.
z.config(z.locales.vi());
// Reading only (SQLite: the server's connection is the one writer); a few connections on PostgreSQL.
const db = createDatabase(undefined, { readonly: true, poolSize: Number(process.env.SEARCH_WORKER_PG_POOL_SIZE ?? 2) });

// Its own watch on the database, as the server's (lib/db/availability.ts): a probe at most once a second.
const availability = new DatabaseAvailability(() => probeDatabase(db), { log: () => undefined });

port.on('message', async ({ id, request }: { id: number; request: SearchWorkerRequest }) => {
  port.postMessage({ id, answer: await answerSearchRequest(db, availability, request) });
});
