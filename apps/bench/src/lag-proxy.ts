/**
 * A TCP proxy that delays every chunk by a fixed time each way, in order: a database in the same
 * region rather than on this machine, for the process rows' `--latency-ms`. What it shows is how many
 * round trips a command takes, which a server on localhost hides.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface LagProxy {
  /** `url` with its host and port replaced by the proxy's (it forwards to `url`'s host and port). */
  through(url: string): string;
  close(): Promise<void>;
}

/** Forwards `from`'s bytes to `to`, each chunk `delayMs` after it arrived, never reordered. */
export function delayed(from: Socket, to: Socket, delayMs: number): void {
  let last = Promise.resolve();
  const send = (chunk: Buffer): void => {
    if (!to.destroyed) to.write(chunk);
  };
  from.on('data', (chunk: Buffer) => {
    const due = Date.now() + delayMs;
    last = last.then(() => {
      // A chunk already due goes at once: a fresh timer waits at least 1 ms, so a reply that
      // arrived in many chunks would otherwise be held 1 ms a chunk, not `delayMs` in all.
      const wait = due - Date.now();
      if (wait <= 0) return send(chunk);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          send(chunk);
          resolve();
        }, wait),
      );
    });
  });
  from.on('end', () => void last.then(() => to.end()));
  from.on('error', () => to.destroy());
}

/**
 * Starts a proxy to `target`'s host and port that adds `delayMs` each way.
 *
 * @example
 * const lag = await startLagProxy('postgres://postgres@127.0.0.1:5432/postgres', 2);
 * const url = lag.through('postgres://postgres@127.0.0.1:5432/app'); // postgres://postgres@127.0.0.1:<port>/app
 * await lag.close();
 */
export async function startLagProxy(target: string, delayMs: number): Promise<LagProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port || 5432), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    delayed(client, upstream, delayMs);
    delayed(upstream, client, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('lag proxy: no TCP address');
  return {
    through(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(address.port);
      return u.toString();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
