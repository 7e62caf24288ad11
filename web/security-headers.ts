/**
 * The headers every response carries, through the framework's maintained plugin (@fastify/helmet), so no route can
 * forget them: a Content-Security-Policy that runs only the application's own scripts and lets no other site frame a
 * page (the manager's approve buttons must never render inside someone else's frame), X-Frame-Options for browsers
 * without frame-ancestors, nosniff, and a Referrer-Policy that keeps personal-link paths out of other sites' logs.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // The respondent form's bundle (/assets) is the only script; no inline script or handler runs.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // The pages carry their own small style sheet and a few style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Charts are inline SVG; downloads and images come from this server.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // Only behind HTTPS: on plain http (the embedded default) it would send the form's script to a port that is
        // not listening.
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the public address is HTTPS: on http://localhost it would lock browsers out of the embedded default.
    strictTransportSecurity: options.https ? { maxAge: 31536000 } : false,
    // Downloads (.docx, receipts) are opened by other applications; the default "same-origin" resource policy is kept.
  });
}
