/**
 * Every staff endpoint against every kind of caller, over HTTP on the whole stack: anyone signed out is sent to the
 * login page, a signed-in role the endpoint is not for is refused (403), and the role it is for gets through (any
 * answer but 401/403, never a server error). Each cell of the matrix is checked; a respondent's link opens no staff
 * page (it carries no login). Respondents' own scoping (one organisation per link) is in security.test.ts.
 */
import { launchPreparation } from '../../client/preparation';
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
type Role = 'COORDINATOR' | 'MANAGER';
const STAFF: Role[] = ['COORDINATOR', 'MANAGER'];

describe('role × endpoint access matrix', () => {
  let stack: Stack;
  let ids: { organisation: string; contact: string };
  let link: string;

  beforeAll(async () => {
    stack = await startStack('access-matrix-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    const db = stack.database.db;
    await createSession(db, { number: 48, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    await launchPreparation({ db, temporal: stack.temporal, taskQueue: 'access-matrix-test' }, 48, 'test');
    // The respondent's link and the contact the matrix reissues belong to different people: a replaced link
    // only says it was replaced. Mails go out one by one, so wait for a link before choosing the other contact.
    const firstMail = await eventually(
      async () =>
        (await stack.mail.store.all())
          .map((m) => ({
            link: /\/r\/[A-Za-z0-9_-]{43}/.exec(m.parsed.text ?? '')?.[0],
            to: JSON.stringify(m.parsed.to),
          }))
          .find((m) => m.link),
      60_000,
      'an invitation e-mail with a link',
    );
    link = firstMail.link!;
    const invitation = await eventually(
      async () =>
        (await db.invitation.findMany({ include: { contact: true } })).find(
          (i) => !firstMail.to.includes(i.contact.email),
        ),
      60_000,
      'an invitation to another contact',
    );
    ids = { organisation: invitation.organisationId, contact: invitation.contactId };
  });

  afterAll(() => stack?.close());

  /** [method, path, who may] — every route declared with roles in web/routes. */
  const endpoints = (): ['GET' | 'POST', string, Role[]][] => [
    ['GET', '/console', STAFF],
    ['GET', '/console/sessions/48', STAFF],
    ['GET', '/console/sessions/48/replies?format=csv', STAFF],
    ['GET', `/console/sessions/48/organisations/${ids.organisation}/reply`, STAFF],
    ['GET', '/console/attachments/00000000-0000-4000-8000-000000000000', STAFF],
    ['GET', '/console/roster', STAFF],
    ['GET', '/console/roster/export?format=csv', STAFF],
    ['GET', '/dashboard', STAFF],
    ['GET', '/mailbox', STAFF],
    ['POST', '/console/sessions', ['COORDINATOR']],
    ['POST', '/console/sessions/48/launch', ['COORDINATOR']],
    ['POST', '/console/sessions/48/remind', ['COORDINATOR']],
    ['POST', '/console/sessions/48/dates', ['COORDINATOR']],
    ['POST', '/console/sessions/48/remind-selected', ['COORDINATOR']],
    ['POST', '/console/sessions/48/extend', ['COORDINATOR']],
    ['POST', `/console/sessions/48/contacts/${ids.contact}/reissue`, ['COORDINATOR']],
    ['POST', `/console/sessions/48/organisations/${ids.organisation}/reply/reopen`, ['COORDINATOR']],
    ['POST', '/console/roster/import', ['COORDINATOR']],
    ['POST', '/dashboard/sessions/48/reject', ['MANAGER']],
    ['POST', '/dashboard/sessions/48/approve', ['MANAGER']],
    ['POST', '/dashboard/sessions/48/revise', STAFF],
    ['POST', '/dashboard/sessions/48/options', STAFF],
    ['POST', '/dashboard/sessions/48/options/1/delete', STAFF],
    ['POST', '/dashboard/sessions/48/footnote', STAFF],
    ['POST', '/dashboard/sessions/48/footnote/reset', STAFF],
    ['POST', '/dashboard/sessions/48/obligations/IV-2/met', STAFF],
    // Last: closing the survey changes what the others see.
    ['POST', '/console/sessions/48/close-survey', ['COORDINATOR']],
  ];

  it('checks every cell: signed out, each staff role, and a respondent holding a link', async () => {
    const signedIn: Record<Role, HttpSession> = {
      COORDINATOR: new HttpSession(stack.baseUrl),
      MANAGER: new HttpSession(stack.baseUrl),
    };
    await signedIn.COORDINATOR.login('coordinator@example.org', 'coordinator-demo');
    await signedIn.MANAGER.login('manager@example.org', 'manager-demo');
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.get(link); // a respondent's cookies: language, CSRF secret — no login

    const cells: string[] = [];
    for (const [method, path, allowed] of endpoints()) {
      for (const caller of [undefined, 'respondent' as const]) {
        const session = caller ? respondent : new HttpSession(stack.baseUrl);
        const answer =
          method === 'GET' ? await session.get(path) : await session.submit(caller ? link : '/login', path);
        expect({
          method,
          path,
          caller: caller ?? 'signed out',
          status: answer.status,
          to: answer.location?.split('?')[0],
        }).toEqual({
          method,
          path,
          caller: caller ?? 'signed out',
          status: 302,
          to: '/login',
        });
        cells.push(`${method} ${path} ${caller ?? 'signed out'}`);
      }
      for (const role of STAFF) {
        const session = signedIn[role];
        const page = role === 'MANAGER' ? '/dashboard' : '/console';
        const answer = method === 'GET' ? await session.get(path) : await session.submit(page, path);
        const verdict = allowed.includes(role)
          ? answer.status !== 401 && answer.status !== 403 && answer.status < 500
            ? 'through'
            : `refused ${answer.status}`
          : answer.status === 403
            ? 'refused'
            : `let through ${answer.status}`;
        expect({ method, path, role, verdict }).toEqual({
          method,
          path,
          role,
          verdict: allowed.includes(role) ? 'through' : 'refused',
        });
        cells.push(`${method} ${path} ${role}`);
      }
    }
    expect(cells).toHaveLength(endpoints().length * 4);
  });
});
