/**
 * One writer per table (ARCHITECTURE.md): ESLint refuses a Prisma write anywhere but services/. The snippets are
 * linted as if they were files of the repository, through the repository's own eslint.config.mjs. They are linted
 * under paths of files that exist, because the type-aware parser only parses files its TypeScript project holds.
 * The services/ snippet is the control: the same code, only its path differs.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const OWNERSHIP = 'Prisma writes belong to the owning module in services/ (ARCHITECTURE.md)';
const IN_ACTIVITIES = 'activities/invitations.ts';
const IN_SERVICES = 'services/invitations.ts';

const WRITES = `
declare const db: any, tx: any, deps: any, runtime: any;
export async function writes() {
  await db.contact.update({ where: { id: 'c' }, data: {} });
  await tx.accessToken.upsert({ where: {}, create: {}, update: {} });
  await db.emailMessage.create({ data: {} });
  await db.invitation.createMany({ data: [] });
  await tx.accessToken.updateMany({ where: {}, data: {} });
  await db.response.delete({ where: { id: 'r' } });
  await tx.delegation.deleteMany({});
  await deps.db.session.update({ where: {}, data: {} });
  await runtime.db().organisation.create({ data: {} });
  await tx.$executeRaw\`UPDATE "Contact" SET "bouncedAt" = now()\`;
  await db.$executeRawUnsafe('DELETE FROM "Contact"');
}
`;
const WRITE_LINES = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

// What only looks like a write: collections, hashes, query strings, the Temporal worker and client.
const LOOKALIKES = `
import { createHash } from 'node:crypto';
declare const temporal: any, client: any, Worker: any;
export async function lookalikes() {
  const seen = new Map<string, number>();
  seen.delete('a');
  const sockets = new Set<number>();
  sockets.delete(1);
  const digest = createHash('sha256').update('text').digest('hex');
  const query = new URLSearchParams('a=1');
  query.delete('a');
  await temporal.schedule.create({});
  await client.schedule.update('id', {});
  await Worker.create({});
  return digest;
}
`;

interface Finding {
  ruleId: string | null;
  message: string;
  line: number;
}

/** The no-restricted-syntax findings of each snippet, linted by the ESLint class in a process of its own. */
function ownershipFindings(...snippets: { code: string; filePath: string }[]): Finding[][] {
  const root = path.resolve(__dirname, '../..');
  const output = execFileSync(process.execPath, [path.join(root, 'test/helpers/lint-texts.mjs')], {
    cwd: root,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
  });
  return (JSON.parse(output) as Finding[][]).map((messages) =>
    messages.filter((m) => m.ruleId === 'no-restricted-syntax'),
  );
}

describe('ESLint: one writer per table', () => {
  let inActivities: Finding[];
  let inServices: Finding[];
  let lookalikes: Finding[];

  beforeAll(() => {
    [inActivities, inServices, lookalikes] = ownershipFindings(
      { code: WRITES, filePath: IN_ACTIVITIES },
      { code: WRITES, filePath: IN_SERVICES },
      { code: LOOKALIKES, filePath: IN_ACTIVITIES },
    ) as [Finding[], Finding[], Finding[]];
  });

  it('refuses every kind of Prisma write outside services/, naming where it belongs', () => {
    expect(inActivities.map((f) => f.line)).toEqual(WRITE_LINES);
    for (const finding of inActivities) expect(finding.message).toBe(OWNERSHIP);
  });

  it('lets the owning modules in services/ write', () => {
    expect(inServices).toEqual([]);
  });

  it('does not mistake collections, hashes, query strings or Temporal calls for Prisma writes', () => {
    expect(lookalikes).toEqual([]);
  });
});
