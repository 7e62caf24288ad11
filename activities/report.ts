import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planDeadlines } from '../domain/deadlines';
import type { Answers } from '../domain/questionnaire';
import { documentSymbol, sessionTitle } from '../domain/symbols';
import { recordAudit } from '../services/audit';
import type { ActivityDeps } from './deps';
import { ANALYSIS_REPORT_TITLE, buildAnalysisReport } from './documents/analysis-report';
import { deliveryOutcome } from './invitations';
import { formatDate, renderMail } from './mail/render';

export const ANALYSIS_REPORT_KIND = 'analysis-report';
/** The agenda is document 1 of each session's series; reports follow it. */
const AGENDA_SERIAL = 1;
const AGENDA_ITEM = {
  number: 5,
  title:
    'Programme of work on the priority themes of the United Nations crime prevention and criminal justice programme',
};

export interface CompiledReport {
  documentId: string;
  symbol: string;
  version: number;
}

export function reportActivities({ db, mailer, storageDir, publicBaseUrl }: ActivityDeps) {
  return {
    /**
     * Compiles the IV 10 (c) analysis report from the cycle's answers into a .docx in the storage folder. Keyed by
     * (session, kind, version): a retry returns the version an earlier attempt stored. The symbol is allocated once
     * per document and kept by every later version.
     */
    async compileAnalysisReport(input: {
      sessionId: string;
      cycleId: string;
      version: number;
    }): Promise<CompiledReport> {
      const existing = await db.document.findUnique({
        where: {
          sessionId_kind_version: { sessionId: input.sessionId, kind: ANALYSIS_REPORT_KIND, version: input.version },
        },
      });
      if (existing && existsSync(existing.filePath))
        return { documentId: existing.id, symbol: existing.symbol, version: existing.version };

      const session = await db.session.findUniqueOrThrow({
        where: { id: input.sessionId },
        include: { commission: true },
      });
      const year = session.openingDate.getUTCFullYear();
      const symbol = existing?.symbol ?? (await allocateSymbol(session.commission.symbolPrefix, year, session.id));
      const invitations = await db.invitation.findMany({
        where: { cycleId: input.cycleId },
        select: { organisationId: true },
        distinct: ['organisationId'],
      });
      const organisations = await db.organisation.findMany({
        where: { id: { in: invitations.map((i) => i.organisationId) } },
        include: { responses: { where: { cycleId: input.cycleId, status: 'SUBMITTED' } } },
        orderBy: { name: 'asc' },
      });
      const buffer = await buildAnalysisReport({
        symbol,
        agendaSymbol: documentSymbol(session.commission.symbolPrefix, year, AGENDA_SERIAL),
        agendaItem: AGENDA_ITEM,
        date: new Date(),
        commissionName: session.commission.name,
        sessionNumber: session.number,
        venue: session.venue,
        openingDate: session.openingDate.toISOString().slice(0, 10),
        closingDate: session.closingDate.toISOString().slice(0, 10),
        respondents: organisations.map((o) => ({
          name: o.name,
          type: o.type,
          region: o.region,
          answers: o.responses[0] ? (o.responses[0].answers as Answers) : undefined,
        })),
      });
      mkdirSync(storageDir, { recursive: true });
      const filePath = path.join(storageDir, `${symbol.replace(/[^A-Za-z0-9]+/g, '_')}-v${input.version}.docx`);
      writeFileSync(filePath, buffer);
      const sha256 = createHash('sha256').update(buffer).digest('hex');
      const document = await db.$transaction(async (tx) => {
        const row = await tx.document.upsert({
          where: {
            sessionId_kind_version: { sessionId: session.id, kind: ANALYSIS_REPORT_KIND, version: input.version },
          },
          create: {
            sessionId: session.id,
            kind: ANALYSIS_REPORT_KIND,
            symbol,
            version: input.version,
            title: ANALYSIS_REPORT_TITLE,
            filePath,
            sha256,
          },
          update: { filePath, sha256 },
        });
        await recordAudit(tx, {
          actor: 'workflow',
          action: 'document.compile',
          entity: 'Document',
          entityId: row.id,
          details: { symbol, version: input.version, sha256 },
        });
        return row;
      });
      return { documentId: document.id, symbol, version: document.version };
    },

    async recordApproval(input: { documentId: string; approvedBy: string; approvedAt: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.document.updateMany({
          where: { id: input.documentId, approvedAt: null },
          data: { approvedAt: new Date(input.approvedAt), approvedBy: input.approvedBy },
        });
        if (updated.count > 0) {
          await recordAudit(tx, {
            actor: input.approvedBy,
            action: 'document.approve',
            entity: 'Document',
            entityId: input.documentId,
          });
        }
      });
    },

    /** E-mails every manager that the report awaits approval, or that approval is overdue. */
    async notifyManagers(input: {
      sessionId: string;
      documentId: string;
      reason: 'report-ready' | 'approval-overdue';
      sequence: number;
    }): Promise<number> {
      const document = await db.document.findUniqueOrThrow({
        where: { id: input.documentId },
        include: { session: true },
      });
      const plan = planDeadlines(document.session.openingDate.toISOString().slice(0, 10));
      const managers = await db.user.findMany({ where: { role: 'MANAGER' }, orderBy: { email: 'asc' } });
      let delivered = 0;
      for (const manager of managers) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: `manager-notice:${input.documentId}:${input.reason}:${input.sequence}:${manager.id}`,
            kind: 'manager-notice',
            compose: () => {
              const body = renderMail('manager-notice', {
                managerName: manager.name,
                reason: input.reason,
                sequence: input.sequence,
                symbol: document.symbol,
                sessionTitle: sessionTitle(document.session.number),
                approvalDue: formatDate(plan['report-approval'].dueAt),
                dispatchDeadline: formatDate(plan['dispatch-deadline'].dueAt),
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              const subject =
                input.reason === 'report-ready'
                  ? `For approval: ${document.symbol}`
                  : `Approval overdue: ${document.symbol}`;
              return Promise.resolve({ to: manager.email, subject, ...body });
            },
          }),
        );
        if (outcome === 'delivered') delivered += 1;
      }
      return delivered;
    },
  };

  /** The next free serial in the Commission's series for that year; the agenda keeps serial 1. */
  async function allocateSymbol(prefix: string, year: number, sessionId: string): Promise<string> {
    const taken = await db.document.findMany({
      where: { symbol: { startsWith: `${prefix}/${year}/` }, NOT: { sessionId, kind: ANALYSIS_REPORT_KIND } },
      select: { symbol: true },
      distinct: ['symbol'],
    });
    const serials = taken.map((d) => Number(d.symbol.split('/').pop())).filter(Number.isFinite);
    return documentSymbol(prefix, year, Math.max(AGENDA_SERIAL, ...serials) + 1);
  }
}
