/**
 * Bench 2 (L3): respondents autosaving and submitting over HTTP under concurrent load (autocannon), against a bare
 * route of the same framework (Fastify) on the same machine that parses the same JSON and answers without touching
 * the database. Each simulated respondent has its own personal link, CSRF cookie and client address (the server
 * trusts X-Forwarded-For here, so the per-address rate limit applies per respondent, as in production behind a
 * proxy). Every acknowledged save is then checked against the database.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { issueBenchLinks, openBenchCycle } from '../harness/bench-cycle';
import { clientAddress, startBenchWebServer } from '../harness/bench-web';
import type { Figure } from '../harness/figures';
import type { BenchInfrastructure } from '../harness/infrastructure';

/** Simultaneous HTTP connections; each drives its own share of respondents in turn. */
const CONNECTIONS = 50;
const SECONDS = 20;

interface Respondent {
  organisationId: string;
  token: string;
  address: string;
  cookie: string;
  csrf: string;
  version: number;
  /** The last save the server acknowledged (its version), checked against the database at the end. */
  acknowledged: number;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair!.split('=');
    jar.set(name!.trim(), value.join('='));
  }
}

/** Opens the link as a person would: landing page, "start", the form (its CSRF token and version). */
async function openForm(baseUrl: string, organisationId: string, token: string, address: string): Promise<Respondent> {
  const jar = new Map<string, string>();
  const headers = () => ({
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-forwarded-for': address,
  });
  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const landing = await fetch(`${baseUrl}/r/${token}`, { headers: headers() });
  cookiesOf(landing, jar);
  const csrf = hidden(await landing.text(), '_csrf')!;
  const start = await fetch(`${baseUrl}/r/${token}/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }),
  });
  cookiesOf(start, jar);
  const form = await fetch(`${baseUrl}/r/${token}/form`, { headers: headers() });
  cookiesOf(form, jar);
  const html = await form.text();
  return {
    organisationId,
    token,
    address,
    cookie: headers().cookie,
    csrf: hidden(html, '_csrf')!,
    version: Number(hidden(html, 'version')),
    acknowledged: 0,
  };
}

function draft(n: number, version: number): string {
  return JSON.stringify({
    version,
    answers: { activitiesCarriedOut: 'yes', theme_a_description: `Training for prosecutors, draft ${n}` },
  });
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p99: at(99) };
}

/**
 * Autocannon against `url`; `rate` caps requests per second. Respondents wait in a queue: a request takes the next
 * idle one and hands it back with its answer, so no respondent ever has two saves in flight (as in a browser, whose
 * form script waits for each save). Autocannon gives each request its own context, which carries its respondent.
 * `pathOf` is where a respondent's save goes (their autosave URL; the bare route's one path).
 */
async function hammer(url: string, respondents: Respondent[], pathOf: (r: Respondent) => string, rate?: number) {
  if (respondents.length < 2 * CONNECTIONS) throw new Error(`at least ${2 * CONNECTIONS} respondents are needed`);
  const idle = [...respondents];
  let saves = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context: { respondent?: Respondent }) => {
          const respondent = idle.shift()!;
          context.respondent = respondent;
          saves += 1;
          return {
            ...request,
            path: pathOf(respondent),
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              'csrf-token': respondent.csrf,
              cookie: respondent.cookie,
              'x-forwarded-for': respondent.address,
            },
            body: draft(saves, respondent.version),
          };
        },
        onResponse: (status, body, context: { respondent?: Respondent }) => {
          const { respondent } = context;
          if (!respondent) return;
          if (status === 200) {
            const { version } = JSON.parse(body) as { version: number };
            respondent.version = version;
            respondent.acknowledged = version;
          }
          idle.push(respondent);
        },
      },
    ],
  });
  const non2xx = result.non2xx;
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx,
  };
}

/** The floor: the same framework, the same JSON body, no database, no checks. */
async function bareServer() {
  const app = Fastify({ logger: false });
  app.post('/autosave', (request, reply) => {
    const body = request.body as { version: number };
    return reply.send({ version: body.version + 1, savedAt: new Date().toISOString() });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

export async function benchAutosave(infra: BenchInfrastructure, respondentCount: number): Promise<Figure[]> {
  const name = `autosave ${respondentCount.toLocaleString('en')}`;
  const database = await infra.createDatabase();
  const { db } = database;
  const { cycleId, invitations } = await openBenchCycle(infra, db, {
    sessionNumber: 92,
    organisations: respondentCount,
  });
  const tokens = await issueBenchLinks(db, { cycleId, invitations });

  const web = await startBenchWebServer(infra, database);
  const { baseUrl } = web;
  const bare = await bareServer();
  try {
    const respondents: Respondent[] = [];
    for (let i = 0; i < tokens.length; i += 20) {
      const batch = tokens.slice(i, i + 20);
      respondents.push(
        ...(await Promise.all(
          batch.map((token, j) => openForm(baseUrl, invitations[i + j]!.organisationId, token, clientAddress(i + j))),
        )),
      );
    }
    const autosaveUrl = (r: Respondent) => `/r/${r.token}/form/autosave`;
    // Autocannon stops at its deadline without reading the answers still in flight, and the server finishes those
    // saves after it. Once the stored versions stop moving, each respondent's form takes its stored version, as a
    // reloaded page would.
    const reloadVersions = async () => {
      const read = async () =>
        JSON.stringify(
          await db.response.findMany({
            where: { cycleId },
            select: { organisationId: true, version: true },
            orderBy: { organisationId: 'asc' },
          }),
        );
      let before = await read();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await read();
        if (now === before) break;
        before = now;
      }
      const versions = new Map(
        (JSON.parse(before) as { organisationId: string; version: number }[]).map((r) => [r.organisationId, r.version]),
      );
      for (const r of respondents) r.version = versions.get(r.organisationId) ?? r.version;
    };
    const ours = await hammer(baseUrl, respondents, autosaveUrl);
    await reloadVersions();
    const limit = await hammer(
      bare.url,
      respondents.map((r) => ({ ...r })),
      () => '/autosave',
    );
    // At L3's load (1,000 respondents saving every 10 s: 100 saves a second), latency rather than capacity.
    const paced = await hammer(baseUrl, respondents, autosaveUrl, 100);
    await reloadVersions();

    // Every acknowledged save is in the database: the stored draft is at least at the version the server answered.
    const stored = new Map(
      (await db.response.findMany({ where: { cycleId }, select: { version: true, organisationId: true } })).map((r) => [
        r.organisationId,
        r.version,
      ]),
    );
    const acknowledged = respondents.filter((r) => r.acknowledged > 0);
    const lost = acknowledged.filter((r) => (stored.get(r.organisationId) ?? 0) < r.acknowledged).length;

    // Submits: every respondent submits once, twenty at a time.
    const submitLatencies: number[] = [];
    for (let i = 0; i < respondents.length; i += 20) {
      await Promise.all(
        respondents.slice(i, i + 20).map(async (r) => {
          const started = performance.now();
          const response = await fetch(`${baseUrl}/r/${r.token}/form`, {
            method: 'POST',
            redirect: 'manual',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: r.cookie,
              'x-forwarded-for': r.address,
            },
            body: new URLSearchParams({
              _csrf: r.csrf,
              version: String(r.version),
              action: 'submit',
              activitiesCarriedOut: 'yes',
              theme_a_description: 'Training for prosecutors and judges on transnational organized crime',
              theme_a_budget: '120000',
              theme_a_budget_currency: 'USD',
            }),
          });
          if (response.status === 303) submitLatencies.push(performance.now() - started);
        }),
      );
    }
    const submitted = await db.response.count({ where: { cycleId, status: 'SUBMITTED' } });
    const submits = percentiles(submitLatencies);

    const note = `${CONNECTIONS} connections, ${SECONDS} s; non-2xx ${ours.non2xx}, errors ${ours.errors}`;
    return [
      {
        benchmark: name,
        measure: 'autosaves per second, saturated',
        value: ours.perSecond,
        unit: 'req/s',
        limit: { what: 'bare Fastify route, same JSON', value: limit.perSecond },
        ratio: Math.round((ours.perSecond / limit.perSecond) * 100) / 100,
        note,
      },
      {
        benchmark: name,
        measure: 'autosave latency p50 / p99, saturated',
        value: ours.p99,
        unit: 'ms (p99)',
        limit: { what: `bare route p99 (ours p50 ${ours.p50} ms, bare p50 ${limit.p50} ms)`, value: limit.p99 },
        ratio: Math.round((ours.p99 / Math.max(1, limit.p99)) * 10) / 10,
      },
      {
        benchmark: name,
        measure: 'autosave latency p50 / p99 at 100 saves/s',
        value: paced.p99,
        unit: 'ms (p99)',
        note: `p50 ${paced.p50} ms; ${paced.perSecond} req/s sustained; non-2xx ${paced.non2xx}`,
      },
      {
        benchmark: name,
        measure: 'acknowledged autosaves missing from the database',
        value: lost,
        unit: 'saves',
        note: `${acknowledged.length} respondents with acknowledged saves; ${stored.size} stored drafts`,
      },
      {
        benchmark: name,
        measure: 'submit latency p50 / p99 (20 at a time)',
        value: Math.round(submits.p99),
        unit: 'ms (p99)',
        note: `p50 ${Math.round(submits.p50)} ms; ${submitted} of ${respondents.length} submitted`,
      },
    ];
  } finally {
    await bare.app.close();
    await web.close();
  }
}
