/**
 * A port free a moment ago, for the few servers that cannot be told "any port" and report it (the Temporal SDK's
 * metrics exporter, a worker process's probes). Everything else binds port 0.
 */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
