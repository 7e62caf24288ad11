/**
 * Traces across web → Temporal → activities (issue 14, item 3), received by an OTLP/HTTP receiver this test starts:
 * a coordinator's launch is one trace, from the request's server span through the client's StartWorkflow, what the
 * workflows start, to the activities that invite the organisations. No personal link reaches a span.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
}

/**
 * An OTLP/HTTP trace receiver (the protocol's JSON encoding, POST /v1/traces with an ExportTraceServiceRequest), as
 * a collector runs it: it answers the exporter as the specification says and keeps what it received.
 */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (
        request.method !== 'POST' ||
        request.url !== '/v1/traces' ||
        !request.headers['content-type']?.includes('json')
      ) {
        response.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[];
      };
      for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, spans, server };
}

describe('traces across the web server, Temporal and the activities', () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startStack('tracing-test', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
  });

  afterAll(async () => {
    await stack?.close();
    receiver?.server.close();
  });

  it('makes a coordinator’s launch one trace, down to the activity that invites the organisations', async () => {
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(
      stack.database.db,
      { number: 53, openingDate: opening, closingDate: closing, venue: 'Vienna' },
      'test',
    );
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/53/launch')).status).toBe(302);

    const trace = await eventually(
      async () => {
        const launch = receiver.spans.find((s) => s.name === 'POST /console/sessions/:number/launch');
        if (!launch) return undefined;
        const inTrace = receiver.spans.filter((s) => s.traceId === launch.traceId);
        return inTrace.some((s) => s.name === 'RunActivity:inviteOrganisationsPage') && { launch, inTrace };
      },
      60_000,
      'the launch traced down to the invitations',
    );
    const names = trace.inTrace.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /console/sessions/:number/launch',
        'StartWorkflow:sessionPreparationWorkflow',
        // From inside the workflows, through the worker's span sink (a workflow's own run span ends with it, months
        // later): the child survey cycle it starts and the activity it schedules.
        'StartChildWorkflow:surveyCycleWorkflow',
        'StartActivity:inviteOrganisationsPage',
        'RunActivity:inviteOrganisationsPage',
      ]),
    );
    // The client's start is a child of the request; the workflows' spans hang under their (still running) runs,
    // whose spans are exported when the workflows end.
    const start = trace.inTrace.find((s) => s.name === 'StartWorkflow:sessionPreparationWorkflow')!;
    expect(start.parentSpanId).toBe(trace.launch.spanId);
  });

  it('names routes by their pattern: no personal link in any span', async () => {
    const links = (await stack.mail.store.all()).flatMap((m) => [
      ...`${m.parsed.text ?? ''}`.matchAll(/\/r\/([A-Za-z0-9_-]{43})/g),
    ]);
    expect(links.length).toBeGreaterThan(0);
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.get(`/r/${links[0]![1]!}`);
    const seen = await eventually(
      async () => receiver.spans.some((s) => s.name === 'GET /r/:token') && JSON.stringify(receiver.spans),
      30_000,
      'the link page traced',
    );
    for (const [, token] of links) expect(seen).not.toContain(token);
  });
});
