import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** A request context signed in through next-auth's credentials flow, as a browser would be. */
export async function signedInContext(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get('/api/auth/csrf')).json();
  const response = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  if (![200, 302].includes(response.status())) throw new Error(`sign-in of ${email} answered ${response.status()}`);
  const me = await ctx.get('/api/me');
  if (me.status() !== 200) throw new Error(`sign-in of ${email} did not give a session (${me.status()})`);
  return ctx;
}
