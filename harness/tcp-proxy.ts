/**
 * A TCP relay in front of a server that can cut the network as a partition does: while cut, nothing passes in
 * either direction and new connections hang unanswered (no reset tells the client anything; it has to notice by its
 * own timeouts). When the network is restored, the connections that lived through the cut are reset and new ones
 * pass again. Put between the worker and the Temporal server, it stands in for F7 (a) without the machine's
 * firewall.
 */
import net from 'node:net';

export interface TcpProxy {
  /** host:port to connect to instead of the target. */
  address: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const separator = target.lastIndexOf(':');
  const [targetHost, targetPort] = [target.slice(0, separator), Number(target.slice(separator + 1))];
  const sockets = new Set<net.Socket>();
  let isCut = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A side going away is what this relay is for: the other side is closed with it, nothing is thrown.
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (isCut) return; // held, unanswered, until the network is restored
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    // Data is forwarded only while the network is up: a cut drops it silently, as a partition does.
    client.on('data', (chunk: Buffer) => void (isCut || upstream.write(chunk)));
    upstream.on('data', (chunk: Buffer) => void (isCut || client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    address: `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    cut() {
      isCut = true;
    },
    restore() {
      destroyAll();
      isCut = false;
    },
    close() {
      destroyAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
