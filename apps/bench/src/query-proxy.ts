/**
 * A TCP proxy in front of PostgreSQL that counts the queries a client sends, for tools we cannot
 * instrument (pg_dump, drizzle-kit) — pg_stat_statements is not always there. It reads the frontend
 * side of the wire protocol: a simple `Query` ('Q') counts one, an extended-protocol `Execute`
 * ('E') counts one (a Parse/Bind/Execute round trip is one statement). SSL and GSS encryption
 * requests are refused ('N'), so the client goes on in plain text and the stream stays readable.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** The wire protocol's SSLRequest and GSSENCRequest codes (an untyped startup packet). */
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

export interface QueryProxy {
  /** The URL to give the client: the target URL with the proxy's host and port. */
  readonly url: string;
  /** Queries (simple Query and extended Execute messages) seen since start or the last reset. */
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Splits the client's stream into messages and counts the ones that run a statement. */
function watch(client: Socket, server: Socket, onQuery: () => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  let startup = true;
  client.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const forward: Buffer[] = [];
    for (;;) {
      if (startup) {
        if (buffered.length < 8) break;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) break;
        const code = buffered.readInt32BE(4);
        const packet = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          client.write('N');
          continue;
        }
        startup = false;
        forward.push(packet);
        continue;
      }
      if (buffered.length < 5) break;
      const length = buffered.readInt32BE(1) + 1;
      if (buffered.length < length) break;
      const type = String.fromCharCode(buffered[0]!);
      if (type === 'Q' || type === 'E') onQuery();
      forward.push(buffered.subarray(0, length));
      buffered = buffered.subarray(length);
    }
    if (forward.length > 0) server.write(Buffer.concat(forward));
  });
}

/**
 * Starts a counting proxy for the server of `targetUrl` on a free local port.
 *
 * @example
 * const proxy = await startQueryProxy(url);
 * await runProcess('pg_dump', ['--schema-only', '--dbname', proxy.url]);
 * console.log(proxy.count());
 * await proxy.close();
 */
export async function startQueryProxy(targetUrl: string): Promise<QueryProxy> {
  const target = new URL(targetUrl);
  const host = target.hostname || '127.0.0.1';
  const port = Number.parseInt(target.port || '5432', 10);
  let queries = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    watch(client, upstream, () => queries++);
    upstream.on('data', (d: Buffer) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('query proxy: no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  url.searchParams.set('sslmode', 'disable');
  return {
    url: url.toString(),
    count: () => queries,
    reset: () => {
      queries = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
