/**
 * The HTTP interface for other systems, under /api/v1: read-only JSON of the sessions, their preparation and their
 * surveys' counts, and the roster export. Each operation declares its schema (parameters and response), from which
 * @fastify/swagger generates the OpenAPI document served at /api/v1/openapi.json (committed as docs/openapi.json).
 * A caller presents an API token (`Authorization: Bearer cpt_…`, issued with `prep tokens issue`) whose scopes allow
 * the operation, or a staff login. The JSON answers are the same objects the console and `prep status --json` show.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPreparationStatus } from '../../client/preparation';
import { apiCallerOf } from '../../services/api-tokens';
import type { ApiScope } from '../../services/api-tokens';
import { sessionSurveys } from '../../services/cycle-status';
import { sendRosterFile } from '../roster-file';
import { getSessionByNumber, listSessions } from '../../services/session-lookup';
import { preparationDeps } from '../deps';
import type { WebDeps } from '../deps';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The API token scope an /api/v1 operation needs (a staff login may use every operation). */
    scope?: ApiScope;
  }
}

/** What @fastify/swagger is told: only operations with tags (the /api/v1 ones) are described. */
export const OPENAPI = {
  hideUntagged: true,
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Commission Prep',
      version: '1.0.0',
      description:
        'Read-only interface to the preparation of the sessions of the Commission on Crime Prevention and Criminal Justice.',
    },
    components: {
      securitySchemes: {
        apiToken: { type: 'http' as const, scheme: 'bearer', description: 'A token issued with `prep tokens issue`' },
        staffLogin: { type: 'apiKey' as const, in: 'cookie', name: 'cp_session', description: 'A staff login' },
      },
    },
  },
};

const problem = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const refusals = {
  400: { ...problem, description: 'The request is malformed; the message says what is wrong' },
  401: { ...problem, description: 'No token in force and no staff login' },
  403: { ...problem, description: 'The token lacks the scope of the operation' },
  404: { ...problem, description: 'No such session, or the session has no survey yet' },
} as const;

const sessionNumber = {
  type: 'object',
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^[1-9][0-9]{0,3}$', description: 'The session number, e.g. 36' } },
} as const;

const session = {
  type: 'object',
  required: ['number', 'kind', 'openingDate', 'closingDate', 'venue'],
  properties: {
    number: { type: 'integer' },
    kind: { type: 'string', enum: ['REGULAR', 'RECONVENED'] },
    openingDate: { type: 'string', format: 'date' },
    closingDate: { type: 'string', format: 'date' },
    venue: { type: 'string' },
  },
} as const;

const surveyCounts = {
  type: 'object',
  required: ['kind', 'survey', 'status', 'closesAt', 'invited', 'replies', 'responseRate', 'states'],
  additionalProperties: true,
  properties: {
    kind: { type: 'string', enum: ['SYSTEM_WIDE', 'IGO_NGO'] },
    survey: { type: 'string' },
    status: { type: 'string', enum: ['OPEN', 'CLOSED'] },
    standing: { type: 'string' },
    closesAt: { type: 'string', format: 'date-time' },
    closedAt: { type: 'string', format: 'date-time' },
    invited: { type: 'integer' },
    replies: { type: 'integer', description: 'Organisations whose reply counts (submitted or nil return)' },
    responseRate: { type: 'integer', description: 'Replies as a whole percentage of those invited' },
    states: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Organisations in each state' },
  },
} as const;

const preparationStatus = {
  type: 'object',
  required: ['sessionNumber', 'workflowId', 'launched'],
  additionalProperties: true,
  properties: {
    sessionNumber: { type: 'integer' },
    workflowId: { type: 'string' },
    launched: { type: 'boolean' },
    preparation: { type: 'object', additionalProperties: true, description: "The preparation workflow's view" },
    cycle: { type: 'object', additionalProperties: true, description: 'The running survey cycle’s view' },
    surveys: { type: 'array', items: surveyCounts },
    forecast: { type: 'object', additionalProperties: true, description: 'The live forecast with its basis' },
  },
} as const;

/** Who may call: a token in force with the operation's scope, or a staff login. */
async function authorize(deps: WebDeps, request: FastifyRequest, reply: FastifyReply) {
  const presented = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const needed = request.routeOptions.config.scope;
  if (presented) {
    const caller = await apiCallerOf(deps.db, presented);
    if (!caller)
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'The token is not one in force' });
    if (needed && !caller.scopes.includes(needed))
      return reply.code(403).send({ error: 'forbidden', message: `The token lacks the scope ${needed}` });
    return;
  }
  if (request.user) return;
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .send({ error: 'unauthorized', message: 'Present an API token (Authorization: Bearer) or sign in' });
}

export function registerApiRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);
  const security: Record<string, string[]>[] = [{ apiToken: [] }, { staffLogin: [] }];

  void app.register(
    (api, _options, done) => {
      api.addHook('onRequest', (request, reply) => authorize(deps, request, reply));

      api.get(
        '/sessions',
        {
          config: { scope: 'status:read' },
          schema: {
            operationId: 'listSessions',
            summary: 'The sessions, latest first',
            tags: ['status'],
            security,
            response: {
              200: {
                description: 'The sessions',
                type: 'object',
                required: ['sessions'],
                properties: { sessions: { type: 'array', items: session } },
              },
              ...refusals,
            },
          },
        },
        async () => ({ sessions: await listSessions(deps.db) }),
      );

      api.get<{ Params: { number: string } }>(
        '/sessions/:number/preparation',
        {
          config: { scope: 'status:read' },
          schema: {
            operationId: 'getPreparation',
            summary: "A session's preparation: its workflow, survey counts and forecast",
            tags: ['status'],
            security,
            params: sessionNumber,
            response: { 200: { ...preparationStatus, description: 'The preparation' }, ...refusals },
          },
        },
        async (request) => getPreparationStatus(prep, Number(request.params.number), { surveys: true }),
      );

      api.get<{ Params: { number: string } }>(
        '/sessions/:number/surveys',
        {
          config: { scope: 'status:read' },
          schema: {
            operationId: 'listSurveyCounts',
            summary: "The counts of a session's surveys (IV 10 (a) and (b)), from the one survey query",
            tags: ['status'],
            security,
            params: sessionNumber,
            response: {
              200: {
                description: "The session's surveys",
                type: 'object',
                required: ['surveys'],
                properties: { surveys: { type: 'array', items: surveyCounts } },
              },
              ...refusals,
            },
          },
        },
        async (request) => {
          const found = await getSessionByNumber(deps.db, Number(request.params.number));
          return { surveys: (await sessionSurveys(deps.db, found.id)).map((s) => s.counts) };
        },
      );

      api.get<{ Querystring: { kind: 'organisations' | 'governments'; format: 'csv' | 'xlsx' } }>(
        '/roster/export',
        {
          config: { scope: 'exports:read' },
          schema: {
            operationId: 'exportRoster',
            summary: 'The roster as a file, in the columns the import reads',
            tags: ['exports'],
            security,
            querystring: {
              type: 'object',
              properties: {
                kind: { type: 'string', enum: ['organisations', 'governments'], default: 'organisations' },
                format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
              },
            },
            response: {
              200: {
                description: 'The file (CSV in UTF-8 with a byte-order mark, or an Excel workbook)',
                content: {
                  'text/csv': { schema: { type: 'string' } },
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                    schema: { type: 'string', format: 'binary' },
                  },
                },
              },
              ...refusals,
            },
          },
        },
        async (request, reply) => {
          const { kind, format } = request.query;
          return sendRosterFile(reply, deps.db, kind, format);
        },
      );
      done();
    },
    { prefix: '/api/v1' },
  );
  // The description itself is public: a system's developers read it before they hold a token.
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, (_request, reply) => reply.send(app.swagger()));
}
