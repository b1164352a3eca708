import 'server-only';
import type { z } from 'zod';
import { getDb, type DB } from '../db/client';
import { databaseAvailability } from '../db/availability';
import { requireUser, type SessionUser } from '../auth/session';
import { ForbiddenError, NotFoundError, UnavailableError, ValidationError } from './errors';
import { errorResponse } from './respond';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another site
 * (CSRF): the Origin header, when present, must be this host, and Fetch
 * Metadata must not say "cross-site". Clients that are not browsers send
 * neither and carry no ambient cookies worth stealing.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new ForbiddenError('Yêu cầu từ trang khác bị từ chối.');
    }
    if (originHost !== host) throw new ForbiddenError('Yêu cầu từ trang khác bị từ chối.');
  } else if (origin === 'null' || request.headers.get('sec-fetch-site') === 'cross-site') {
    throw new ForbiddenError('Yêu cầu từ trang khác bị từ chối.');
  }
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: CSRF check on writes, 503 at once while the database
 * is known to be unreachable (lib/db/availability.ts), and every error mapped
 * to its answer in one place.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      if (!(await databaseAvailability().check())) throw new UnavailableError();
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The common shape of a signed-in handler: the database and the user, checked against the database. */
export function authedRoute<C>(handler: (request: Request, context: C, user: SessionUser, db: DB) => Promise<Response>): Handler<C> {
  return route(async (request, context) => {
    const db = getDb();
    const user = await requireUser(db);
    return handler(request, context, user, db);
  });
}

export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new ValidationError({ _: ['Nội dung gửi lên không phải JSON hợp lệ.'] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}

export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}

/** A numeric id from the path; anything else is simply not found. */
export function parseId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

export const noStore = { 'Cache-Control': 'private, no-store' } as const;

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: noStore });
}
