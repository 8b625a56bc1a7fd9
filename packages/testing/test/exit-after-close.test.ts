import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, requirePrerequisites } from '../src/index.js';

// close() must release everything: a process that opened a driver, used it and closed it exits by
// itself, without process.exit(). Each adapter runs in a child Node process (TypeScript through jiti).
// The limits only bound a failure: a child that starts PGlite through jiti takes ~2 min on a loaded
// 2-core machine.

const fixture = fileURLToPath(new URL('./fixtures/exit-after-close.ts', import.meta.url));
// jiti exports './register' for `import` only: find it beside the package's CommonJS entry.
const jiti = join(dirname(createRequire(import.meta.url).resolve('jiti')), 'jiti-register.mjs');

function run(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@justscale/source', '--import', jiti, fixture, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, out, timedOut: true });
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, timedOut: false });
    });
  });
}

const db = await createTestDatabase();
afterAll(() => db.close());
const skip = !requirePrerequisites(it, {
  'a PostgreSQL server (DATABASE_URL, or Docker for testcontainers)': db.url !== null,
});

describe('a process exits by itself after close()', () => {
  it('with PGlite', async () => {
    const result = await run(['pglite'], 300_000);
    expect(result).toMatchObject({ code: 0, timedOut: false });
    expect(result.out).toContain('closed');
  }, 310_000);

  it.skipIf(skip)(
    'with pg',
    async () => {
      const result = await run(['pg', db.url!], 180_000);
      expect(result).toMatchObject({ code: 0, timedOut: false });
      expect(result.out).toContain('closed');
    },
    190_000,
  );

  it.skipIf(skip)(
    'with postgres.js',
    async () => {
      const result = await run(['postgres', db.url!], 180_000);
      expect(result).toMatchObject({ code: 0, timedOut: false });
      expect(result.out).toContain('closed');
    },
    190_000,
  );

  it.skipIf(skip)(
    'and the check notices a driver that does not close',
    async () => {
      // The same child, told to leave its pool open, must not exit: the test above can fail. Once its
      // script has run, it prints what keeps its event loop alive; the open socket is among it.
      const leaky = fileURLToPath(new URL('./fixtures/leave-open.ts', import.meta.url));
      const p = spawn(
        process.execPath,
        ['--conditions=@justscale/source', '--import', jiti, leaky, db.url!],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const report = await new Promise<{ resources: string[] | null; exited: boolean }>((resolve) => {
        let out = '';
        p.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve({ resources: JSON.parse(out.split('\n')[0]!), exited: false });
        });
        p.on('exit', () => resolve({ resources: null, exited: true }));
      });
      p.kill('SIGKILL');
      expect(report.exited).toBe(false);
      expect(report.resources).toContain('TCPSocketWrap');
    },
    180_000,
  );
});
