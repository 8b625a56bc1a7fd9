import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT } from '../src/database.js';
import { cli } from './helpers.js';

describe('connect_timeout', () => {
  it('reads the URL, then PGCONNECT_TIMEOUT, then the default; 0 waits forever', () => {
    expect(connectTimeoutSeconds('postgres://h/d', {})).toBe(DEFAULT_CONNECT_TIMEOUT);
    expect(connectTimeoutSeconds('postgres://h/d?connect_timeout=3', { PGCONNECT_TIMEOUT: '7' })).toBe(3);
    expect(connectTimeoutSeconds('postgres://h/d', { PGCONNECT_TIMEOUT: '7' })).toBe(7);
    expect(connectTimeoutSeconds('postgres://h/d?connect_timeout=0', {})).toBe(0);
    expect(() => connectTimeoutSeconds('postgres://h/d?connect_timeout=1.5', {})).toThrow(/whole number/);
    expect(() => connectTimeoutSeconds('postgres://h/d', { PGCONNECT_TIMEOUT: 'soon' })).toThrow(/"soon"/);
  });

  // A host that accepts the TCP connection and never answers (a black hole, a stuck proxy) must not
  // hang a deploy: the CLI gives up after connect_timeout with exit 1 and says how to wait longer.
  describe('a server that never answers', () => {
    let server: Server;
    const sockets: Socket[] = [];
    let port = 0;
    beforeAll(async () => {
      server = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('fails with CONNECTION_FAILED after connect_timeout, exit 1, no password printed', async () => {
      const url = `postgres://app:Hush-Hush-99@127.0.0.1:${port}/app?connect_timeout=1`;
      const r = await cli(['migrate', 'status', '--database-url', url]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('CONNECTION_FAILED');
      expect(r.stderr).toContain('no answer within 1 s');
      expect(r.stdout + r.stderr).not.toContain('Hush-Hush-99');
      expect(sockets.length).toBeGreaterThan(0);
    });

    it('a bad PGCONNECT_TIMEOUT is a configuration error (exit 2)', async () => {
      const r = await cli(['migrate', 'status', '--database-url', `postgres://app@127.0.0.1:${port}/app`], {
        cwd: process.cwd(),
        env: { PGCONNECT_TIMEOUT: 'soon' },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('CONFIG_INVALID');
    });
  });
});
