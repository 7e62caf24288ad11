import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticate } from '../../services/users';
import { clearLogin, formToken, setLogin } from '../auth';
import type { WebDeps } from '../deps';
import { render } from '../views';

const ZLoginForm = z.object({
  email: z.string().trim().max(200),
  password: z.string().max(200),
  next: z.string().optional(),
});

/** Resolves a path against this origin; anything that lands elsewhere is not one of ours. */
const SELF = 'http://commission-prep.invalid';

/**
 * Only a path of this site is followed after login (no open redirect). Browsers read a backslash as a slash and drop
 * tabs and newlines, so `/\evil.example` and `/%09/evil.example` lead off-site: such characters refuse the path, and
 * what remains must resolve to this origin.
 */
export function safeNext(next: string | undefined): string {
  const offSite = (c: string) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
  if (!next || !next.startsWith('/') || [...next].some(offSite)) return '/';
  const url = new URL(next, SELF);
  return url.origin === SELF && !next.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export function registerAuthRoutes(app: FastifyInstance, deps: WebDeps, secureCookies: boolean): void {
  app.get('/', async (request, reply) =>
    render(reply, 'home', {
      user: request.user,
      csrf: request.user ? formToken(request, reply) : undefined,
      mailboxEnabled: deps.mailStore !== undefined,
      temporalUiUrl: deps.config.temporal.uiUrl,
    }),
  );

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) =>
    render(reply, 'login', { csrf: formToken(request, reply), next: safeNext(request.query.next) }),
  );

  app.post('/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const form = ZLoginForm.safeParse(request.body);
    const user = form.success ? await authenticate(deps.db, form.data.email, form.data.password) : undefined;
    if (!form.success || !user) {
      return render(
        reply,
        'login',
        {
          csrf: formToken(request, reply),
          next: safeNext(form.data?.next),
          email: form.data?.email,
          error: 'E-mail or password is not correct.',
        },
        401,
      );
    }
    await setLogin(reply, user.id, { db: deps.db, rules: deps.config.web.login, secure: secureCookies });
    return reply.redirect(
      safeNext(form.data.next === '/' ? (user.role === 'MANAGER' ? '/dashboard' : '/console') : form.data.next),
    );
  });

  app.post('/logout', async (request, reply) => {
    await clearLogin(request, reply, deps.db);
    return reply.redirect('/login');
  });
}
