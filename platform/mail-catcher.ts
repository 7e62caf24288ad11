/**
 * The embedded SMTP server of the one-machine default: a real SMTP conversation (npm `smtp-server`) that accepts
 * every message and stores it as an .eml file, which the web app's mailbox page lists. Recipients matching
 * `rejectRecipients` get a permanent 550, so bounces can be walked through and tested.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcherOptions {
  dir: string;
  port: number;
  host?: string;
  rejectRecipients?: RegExp;
}

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let sequence = readdirSync(options.dir).length;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Local sink: a reverse DNS lookup per connection only adds latency.
    disableReverseLookup: true,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.test(address.address)) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        sequence += 1;
        const name = `${Date.now()}-${String(sequence).padStart(6, '0')}.eml`;
        writeFileSync(path.join(options.dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface StoredMessage {
  id: string;
  parsed: ParsedMail;
}

/** Reads what the mail catcher stored, newest first. */
export class MailStore {
  constructor(private readonly dir: string) {}

  ids(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => name.endsWith('.eml'))
        .sort()
        .reverse()
        .map((name) => name.slice(0, -'.eml'.length));
    } catch {
      return [];
    }
  }

  async read(id: string): Promise<StoredMessage | undefined> {
    if (!/^[0-9-]+$/.test(id)) return undefined;
    try {
      const raw = readFileSync(path.join(this.dir, `${id}.eml`));
      return { id, parsed: await simpleParser(raw) };
    } catch {
      return undefined;
    }
  }

  async all(): Promise<StoredMessage[]> {
    const messages = await Promise.all(this.ids().map((id) => this.read(id)));
    return messages.filter((message): message is StoredMessage => message !== undefined);
  }
}
