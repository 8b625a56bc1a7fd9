import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT } from '../src/database.js';
import { cli, project } from './helpers.js';

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

  it('refuses a URL that is not postgres:// from the flag and from DATABASE_URL (exit 2, no password)', async () => {
    const flag = await cli(['migrate', 'status', '--database-url', 'mysql://app:Hush-Hush-99@localhost/app']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--database-url must be a postgres:// or postgresql:// URL');
    expect(flag.stderr).not.toContain('Hush-Hush-99');
    const env = await cli(['migrate', 'status'], {
      cwd: process.cwd(),
      env: { DATABASE_URL: 'localhost:5432/app' },
    });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('DATABASE_URL must be a postgres://');
  });

  it('refuses a --schema or --table name PostgreSQL cannot hold, and a NUL in the config (exit 2, found by apps/reliability)', async () => {
    const url = 'postgres://app@127.0.0.1:1/app';
    const schema = await cli(['schema', 'diff', '--from', url, '--to', url, '--schema', 'a\u0000b']);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('--schema');
    const long = await cli(['migrate', 'status', '--database-url', url, '--table', 'x'.repeat(64)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('--table');
    const p = await project({
      'justscale.config.json': JSON.stringify({ migrations: { table: 'a\u0000b' } }),
    });
    try {
      const r = await cli(['migrate', 'status'], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('migrations.table: must not contain a NUL character');
    } finally {
      await p.cleanup();
    }
  });
});
