import { withAuth } from 'next-auth/middleware';

/**
 * Sends signed-out visitors of the dashboard to the sign-in page. This is a
 * comfort only: every route handler and page checks the user again against
 * the database (lib/auth/session.ts).
 */
export default withAuth({ pages: { signIn: '/dang-nhap' } });

export const config = { matcher: ['/quan-tri', '/quan-tri/:path*'] };
