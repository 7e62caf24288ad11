/**
 * Login sessions and the one component that authorizes every request. The login cookie is signed and HttpOnly and
 * holds only the id of a stored login (services/login-sessions.ts): signing out, an administrator, removing the user,
 * the idle timeout and the maximum lifetime each end it on every web server at once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole } from '@prisma/client';
import type { Db } from '../platform/database';
import { activeLogin, endLogin, startLogin } from '../services/login-sessions';
import type { ActiveLogin, LoginRules } from '../services/login-sessions';

export const SESSION_COOKIE = 'cp_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on the route; undefined means public (respondent links, login, health). */
    roles?: UserRole[];
  }
  interface FastifyRequest {
    user?: ActiveLogin;
  }
}

export interface LoginCookies {
  db: Db;
  rules: LoginRules;
  secure: boolean;
}

export async function setLogin(reply: FastifyReply, userId: string, cookies: LoginCookies): Promise<void> {
  const loginId = await startLogin(cookies.db, userId, cookies.rules);
  reply.setCookie(SESSION_COOKIE, loginId, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
    path: '/',
    maxAge: cookies.rules.maxHours * 3600,
  });
}

/** Signs out: the stored login ends, so the cookie is worthless even if a copy survives. */
export async function clearLogin(request: FastifyRequest, reply: FastifyReply, db: Db): Promise<void> {
  const loginId = loginIdOf(request);
  if (loginId) await endLogin(db, loginId);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function loginIdOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/**
 * What a form's CSRF token is bound to: the staff login that received the form, or the personal link whose page it
 * is. A token taken from one login or link is refused on another, and a signed-out login's tokens die with it.
 */
export function csrfBinding(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown } | undefined)?.token;
  if (request.url.startsWith('/r/') && typeof token === 'string') return `link:${token}`;
  if (request.url.startsWith('/login')) return 'sign-in';
  // The cookie's login, whether or not it is still in force: signing out of an ended login still works.
  const loginId = loginIdOf(request);
  return loginId ? `login:${loginId}` : 'anonymous';
}

/** The CSRF token for a form on this page. */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfBinding(request) });
}

/** Registers the authorization hook: routes declare `config.roles`; everything else is public. */
export function registerAuthorization(app: FastifyInstance, db: Db, rules: LoginRules): void {
  app.addHook('onRequest', async (request, reply) => {
    // Personal links never carry a staff login: a respondent's page does not look one up.
    const loginId = request.url.startsWith('/r/') ? undefined : loginIdOf(request);
    request.user = loginId ? await activeLogin(db, loginId, rules) : undefined;
    const roles = request.routeOptions.config.roles;
    if (!roles) return;
    if (!request.user) {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
    }
    if (!roles.includes(request.user.role)) {
      return reply.code(403).type('text/html').send('<p>Your role does not allow this page. <a href="/">Home</a></p>');
    }
  });
}

/** Route configs: who may use a page. */
export const STAFF = { roles: ['COORDINATOR', 'MANAGER'] as UserRole[] };
export const COORDINATOR_ONLY = { roles: ['COORDINATOR'] as UserRole[] };
export const MANAGER_ONLY = { roles: ['MANAGER'] as UserRole[] };
