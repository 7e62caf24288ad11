/**
 * Development mailbox: lists what the embedded SMTP server received. Bodies are shown as escaped text with links.
 * Every personal link is in there, so only signed-in staff may open it.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressObject } from 'mailparser';
import { NotFoundError } from '../../services/errors';
import type { MailStore } from '../../platform/mail-catcher';
import { render } from '../views';
import { STAFF } from '../auth';

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

export function registerMailboxRoutes(app: FastifyInstance, store: MailStore): void {
  app.get('/mailbox', { config: STAFF }, async (request, reply) => {
    const messages = await store.all();
    return render(reply, 'mailbox', {
      user: request.user,
      messages: messages.map((m) => ({
        id: m.id,
        date: m.parsed.date?.toISOString().replace('T', ' ').slice(0, 19) ?? '',
        to: addresses(m.parsed.to),
        subject: m.parsed.subject ?? '(no subject)',
        attachments: m.parsed.attachments.map((a) => a.filename).join(', '),
      })),
    });
  });

  app.get<{ Params: { id: string } }>('/mailbox/:id', { config: STAFF }, async (request, reply) => {
    const message = await store.read(request.params.id);
    if (!message) throw new NotFoundError('No such message');
    const { parsed } = message;
    return render(reply, 'mailbox-message', {
      user: request.user,
      id: message.id,
      subject: parsed.subject ?? '(no subject)',
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      date: parsed.date?.toISOString() ?? '',
      messageId: parsed.messageId ?? '',
      attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? 'attachment', size: a.size })),
      safeHtml: parsed.textAsHtml ?? '',
    });
  });

  app.get<{ Params: { id: string; index: string } }>(
    '/mailbox/:id/attachments/:index',
    { config: STAFF },
    async (request, reply) => {
      const message = await store.read(request.params.id);
      const attachment = message?.parsed.attachments[Number(request.params.index)];
      if (!attachment) throw new NotFoundError('No such attachment');
      return reply
        .type(attachment.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${(attachment.filename ?? 'attachment').replace(/"/g, '')}"`,
        )
        .send(attachment.content);
    },
  );
}
