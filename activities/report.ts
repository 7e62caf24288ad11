import { agendaItem, provisionalAgenda } from '../domain/agenda';
import type { AgendaItemKey } from '../domain/agenda';
import { sessionTitle } from '../domain/symbols';
import { recordApproval, recordRejection } from '../services/documents';
import { listReportOptions } from '../services/report-options';
import { latenessFootnote } from '../services/report-footnote';
import { loadReportRespondents } from '../services/report-data';
import type { ActivityDeps } from './deps';
import { ANALYSIS_REPORT_TITLE, buildAnalysisReport } from './documents/analysis-report';
import { sessionMasthead } from './documents/masthead';
import { buildProvisionalAgenda } from './documents/provisional-agenda';
import type { AgendaDocumentRef } from './documents/provisional-agenda';
import { DocumentKind } from '../domain/document-kinds';
import { agendaSymbolOf, findStored, storeDocument, symbolFor } from './documents/store';
import type { StoredDocument } from './documents/store';
import { deliveryOutcome } from './invitations';
import { formatDate, renderMail } from './mail/render';
import { deadlinePlanOf } from '../domain/deadlines';
import { readSessionPlan } from '../services/session-plan';
import { mailKey } from '../services/mail-ledger/keys';

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
    }): Promise<StoredDocument> {
      const stored = await findStored(db, input.sessionId, DocumentKind.AnalysisReport, input.version);
      if (stored) return stored;
      const session = await db.session.findUniqueOrThrow({
        where: { id: input.sessionId },
        include: { commission: true },
      });
      const prefix = session.commission.symbolPrefix;
      const year = session.openingDate.getUTCFullYear();
      const symbol = await symbolFor(db, prefix, year, session.id, DocumentKind.AnalysisReport);
      const options = await listReportOptions(db, session.id);
      const item = agendaItem(session.number, 'priority-themes');
      // A report made after a date that binds it says why, from the record (or as staff edited it).
      const lateness = await latenessFootnote(db, session.id, new Date());
      const buffer = await buildAnalysisReport({
        ...sessionMasthead(session, symbol),
        agendaItem: {
          number: item.number,
          title: item.title,
          agendaSymbol: await agendaSymbolOf(db, prefix, year, session.id),
        },
        // Both surveys of IV 10 (a) and (b), where the session has them.
        respondents: await loadReportRespondents(db, session.id),
        options,
        latenessFootnote: lateness.text,
      });
      return storeDocument(db, storageDir, {
        sessionId: session.id,
        kind: DocumentKind.AnalysisReport,
        symbol,
        version: input.version,
        title: ANALYSIS_REPORT_TITLE,
        buffer,
        contents: { options: options.length, ...(lateness.text ? { latenessFootnote: lateness.text } : {}) },
      });
    },

    /**
     * The session's provisional agenda (document 1 of its series) with the standing items of VII 2 and VII 3 from the
     * second session on, and under each item the documents already compiled for it. Keyed by (session, version).
     */
    async compileProvisionalAgenda(input: { sessionId: string; version: number }): Promise<StoredDocument> {
      const stored = await findStored(db, input.sessionId, DocumentKind.ProvisionalAgenda, input.version);
      if (stored) return stored;
      const session = await db.session.findUniqueOrThrow({
        where: { id: input.sessionId },
        include: { commission: true },
      });
      const year = session.openingDate.getUTCFullYear();
      const symbol = await symbolFor(
        db,
        session.commission.symbolPrefix,
        year,
        session.id,
        DocumentKind.ProvisionalAgenda,
      );
      const reports = await db.document.findMany({
        where: { sessionId: session.id, kind: DocumentKind.AnalysisReport },
        orderBy: { version: 'desc' },
        take: 1,
      });
      const documentsByItem: Partial<Record<AgendaItemKey, AgendaDocumentRef[]>> = {
        'priority-themes': reports.map((r) => ({
          symbol: r.symbol,
          title: 'Report of the Secretary-General on the priority themes',
        })),
        'adoption-of-agenda': [{ symbol, title: 'Provisional agenda' }],
      };
      // The documents of the session's other reporting obligations, under the item they are submitted to.
      const obligations = await db.sessionObligation.findMany({
        where: { sessionId: session.id, obligation: { watchedBy: 'obligation-deadline' } },
        include: { obligation: true },
        orderBy: { obligation: { code: 'asc' } },
      });
      for (const o of obligations) {
        const key = o.obligation.agendaItem as AgendaItemKey;
        if (!provisionalAgenda(session.number).some((item) => item.key === key)) continue;
        (documentsByItem[key] ??= []).push({
          symbol: o.documentSymbol ?? undefined,
          title: `${o.obligation.documentType} (${o.obligation.mandate})`,
        });
      }
      const buffer = await buildProvisionalAgenda({
        ...sessionMasthead(session, symbol),
        items: provisionalAgenda(session.number).map((item) => ({
          ...item,
          documents: documentsByItem[item.key] ?? [],
        })),
      });
      return storeDocument(db, storageDir, {
        sessionId: session.id,
        kind: DocumentKind.ProvisionalAgenda,
        symbol,
        version: input.version,
        title: 'Provisional agenda',
        buffer,
      });
    },

    async recordApproval(input: { documentId: string; approvedBy: string; approvedAt: string }): Promise<void> {
      await recordApproval(db, input);
    },

    /**
     * A manager sent the report back: the version is marked rejected with the comment (audited), and every
     * coordinator is told what to change. Idempotent per document.
     */
    async recordRejection(input: {
      documentId: string;
      rejectedBy: string;
      rejectedAt: string;
      comment: string;
    }): Promise<number> {
      const document = await recordRejection(db, input);
      const coordinators = await db.user.findMany({ where: { role: 'COORDINATOR' }, orderBy: { email: 'asc' } });
      let delivered = 0;
      for (const coordinator of coordinators) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.reportReturned(input.documentId, coordinator.id),
            kind: 'manager-notice',
            compose: () => {
              const body = renderMail('report-returned', {
                recipientName: coordinator.name,
                symbol: document.symbol,
                version: document.version,
                sessionTitle: sessionTitle(document.session.number),
                rejectedBy: input.rejectedBy,
                comment: input.comment,
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              return Promise.resolve({
                to: coordinator.email,
                subject: `Sent back for revision: ${document.symbol} (version ${document.version})`,
                ...body,
              });
            },
          }),
        );
        if (outcome === 'delivered') delivered += 1;
      }
      return delivered;
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
      const plan = deadlinePlanOf(await readSessionPlan(db, document.sessionId));
      const managers = await db.user.findMany({ where: { role: 'MANAGER' }, orderBy: { email: 'asc' } });
      let delivered = 0;
      for (const manager of managers) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.managerNotice(input.documentId, input.reason, input.sequence, manager.id),
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
}
