/**
 * Login sessions and the one component that authorizes every request. A login is a signed, HttpOnly cookie holding
 * the user and role with an expiry: stateless, so any web server behind a load balancer can check it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole } from '@prisma/client';
import { z } from 'zod';

export const SESSION_COOKIE = 'cp_session';
const SESSION_HOURS = 8;

const ZLogin = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['COORDINATOR', 'MANAGER']),
  exp: z.number(),
});
export type TLogin = z.infer<typeof ZLogin>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on the route; undefined means public (respondent links, login, health). */
    roles?: UserRole[];
  }
  interface FastifyRequest {
    user?: TLogin;
  }
}

export function setLogin(reply: FastifyReply, user: Omit<TLogin, 'exp'>, secure: boolean): void {
  const login: TLogin = { ...user, exp: Date.now() + SESSION_HOURS * 3600_000 };
  reply.setCookie(SESSION_COOKIE, JSON.stringify(login), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function readLogin(request: FastifyRequest): TLogin | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const login = ZLogin.parse(JSON.parse(unsigned.value));
    return login.exp > Date.now() ? login : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the authorization hook: routes declare `config.roles`; everything else is public. */
export function registerAuthorization(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    request.user = readLogin(request);
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
