import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { writeAudit } from '../audit/log';
import { clientAddress } from '../ratings/identity';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { clearFailures, lockedFor, recordFailure, throttleKeys } from './throttle';

export const SIGN_IN_FAILED = 'Email hoặc mật khẩu không đúng.';

/**
 * next-auth with email and password against the users table. The session
 * (a signed JWT cookie) carries only the user id and when they signed in; role
 * and active state are read from the database on every request
 * (lib/auth/session.ts), so a deactivation, a role change or a password reset
 * takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/dang-nhap' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Mật khẩu', type: 'password' } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? '').trim().toLowerCase();
        const password = String(credentials?.password ?? '');
        if (!email || !password) throw new Error(SIGN_IN_FAILED);
        const db = getDb();
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const keys = throttleKeys(email, clientAddress(headers['x-forwarded-for'] ?? null));
        const wait = await lockedFor(db, keys);
        if (wait > 0) {
          throw new Error(`Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
        }
        const user = await db
          .selectFrom('users')
          .select(['id', 'email', 'display_name', 'role', 'password_hash', 'active'])
          .where('email', '=', email)
          .executeTakeFirst();
        // Verify against a decoy when there is no account, so timing does not reveal which emails exist.
        const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
        if (!user || !ok || user.active !== 1) {
          await recordFailure(db, keys);
          await db.transaction().execute((tx) =>
            writeAudit(tx, { actorId: user?.id ?? null, action: 'sign_in_failed', entityType: 'user', entityId: user?.id ?? null, details: { email } }),
          );
          throw new Error(SIGN_IN_FAILED);
        }
        await clearFailures(db, [keys[0]!]);
        await db.transaction().execute((tx) => writeAudit(tx, { actorId: user.id, action: 'sign_in', entityType: 'user', entityId: user.id }));
        return { id: String(user.id), email: user.email, name: user.display_name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // signedInAt stays as it was when the token is renewed (unlike iat), so a password reset
      // after it ends the session (lib/auth/session.ts).
      if (user) Object.assign(token, { uid: Number(user.id), signedInAt: Date.now() });
      return token;
    },
    async session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid as number, signedInAt: (token.signedInAt as number | undefined) ?? 0 });
      return session;
    },
  },
};
