/**
 * An SMTP server (npm `smtp-server`, a real SMTP conversation) that misbehaves on purpose, for the fault cases F3, F4
 * and L2: transient 4xx answers to a share of RCPT and DATA commands, connections dropped at RCPT, slow answers, a
 * relay-style throttle (421 4.7.0 above N messages per window), permanent 5xx for chosen addresses, and a switch that
 * takes the whole server down and up again. It counts what it did and keeps the Message-ID and recipient of every
 * message it accepted, so a test can compare them with the ledger.
 */
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { seededRandom } from '../platform/seeded-random';

export interface SmtpFaults {
  /** Share of RCPT and DATA commands answered with 421, 450, 451 or 452. */
  transientRate?: number;
  /** Share of RCPT commands at which the connection is dropped without an answer. */
  dropRate?: number;
  /** Share of RCPT commands answered only after `latencyMs`. */
  slowRate?: number;
  latencyMs?: number;
  /** At most this many messages per window; MAIL FROM above it gets 421 4.7.0 (Microsoft 365 style). */
  throttle?: { messages: number; windowMs: number };
  /** Recipients that get a permanent 550. */
  rejectRecipients?: RegExp;
  seed?: number;
}

export interface AcceptedMessage {
  messageId: string;
  to: string[];
}

export interface FaultCounts {
  transient: number;
  dropped: number;
  slowed: number;
  throttled: number;
  rejected: number;
}

export interface FaultInjectingSmtp {
  port: number;
  accepted: AcceptedMessage[];
  counts: FaultCounts;
  /** Down: every connection is refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const TRANSIENT_REPLIES = [
  { code: 421, text: '4.3.0 Temporary system problem, try again later' },
  { code: 450, text: '4.2.1 Mailbox busy, try again later' },
  { code: 451, text: '4.3.0 Local error in processing' },
  { code: 452, text: '4.3.1 Insufficient system storage' },
];

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startFaultInjectingSmtp(faults: SmtpFaults, port = 0): Promise<FaultInjectingSmtp> {
  const rand = seededRandom(faults.seed ?? 1);
  const accepted: AcceptedMessage[] = [];
  const counts: FaultCounts = { transient: 0, dropped: 0, slowed: 0, throttled: 0, rejected: 0 };
  const sockets = new Map<number, Socket>();
  const acceptedAt: number[] = [];

  const transient = (): Error | undefined => {
    if (rand() >= (faults.transientRate ?? 0)) return undefined;
    counts.transient += 1;
    const reply = TRANSIENT_REPLIES[Math.floor(rand() * TRANSIENT_REPLIES.length)]!;
    return smtpError(reply.code, reply.text);
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onMailFrom(_address, _session, callback) {
      const { throttle } = faults;
      if (throttle) {
        const since = Date.now() - throttle.windowMs;
        while (acceptedAt.length > 0 && acceptedAt[0]! < since) acceptedAt.shift();
        if (acceptedAt.length >= throttle.messages) {
          counts.throttled += 1;
          return callback(smtpError(421, '4.7.0 Message rate limit exceeded, try again later'));
        }
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      if (rand() < (faults.dropRate ?? 0)) {
        counts.dropped += 1;
        sockets.get(session.remotePort)?.destroy();
        return;
      }
      const answer = () => {
        if (faults.rejectRecipients?.test(address.address)) {
          counts.rejected += 1;
          return callback(smtpError(550, '5.1.1 Mailbox unavailable'));
        }
        callback(transient());
      };
      if (rand() < (faults.slowRate ?? 0)) {
        counts.slowed += 1;
        setTimeout(answer, faults.latencyMs ?? 10_000);
      } else answer();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const failure = transient();
        if (failure) return callback(failure);
        const headers =
          Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/, 1)[0] ?? '';
        const messageId = /^message-id:\s*(<[^>]+>)/im.exec(headers)?.[1] ?? '';
        accepted.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address) });
        acceptedAt.push(Date.now());
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort === undefined) return;
    const remotePort = socket.remotePort;
    sockets.set(remotePort, socket);
    socket.once('close', () => sockets.delete(remotePort));
  });

  let listeningPort = port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(listeningPort, '127.0.0.1', () => {
        const address = server.server.address();
        if (typeof address === 'object' && address) listeningPort = address.port;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets.values()) socket.destroy();
      server.server.close(() => resolve());
    });
  await listen();

  return {
    get port() {
      return listeningPort;
    },
    accepted,
    counts,
    down: stopListening,
    up: listen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
