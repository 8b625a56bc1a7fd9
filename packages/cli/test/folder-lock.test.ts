import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, spawnCli } from './helpers.js';
import { startCli, until } from './process.js';

const migrations = Object.fromEntries(
  ['001_a', '002_b', '003_c', '004_d'].map((name) => [
    `migrations/${name}.sql`,
    `-- up\nCREATE TABLE ${name.slice(4)} (id int);\n-- down\nDROP TABLE ${name.slice(4)};\n`,
  ]),
);

/** The pid of a process that has exited: what a crashed holder leaves in its lock file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the embedded default is locked across processes', { timeout: 180_000 }, () => {
  it('two processes migrating one PGlite folder apply each migration once in all', async () => {
    const p = await project(migrations);
    try {
      const [first, second] = await Promise.all([
        spawnCli(['migrate', '--json'], { cwd: p.dir, env: {} }),
        spawnCli(['migrate', '--json'], { cwd: p.dir, env: {} }),
      ]);
      expect([first.code, second.code]).toEqual([0, 0]);
      const applied = [first, second].flatMap((r) =>
        JSON.parse(r.stdout).applied.map((m: { name: string }) => m.name),
      );
      expect(applied.sort()).toEqual(['001_a', '002_b', '003_c', '004_d']);
      const status = await spawnCli(['migrate', 'status', '--json', '--check'], { cwd: p.dir, env: {} });
      expect(status.code).toBe(0);
      const rows = JSON.parse(status.stdout).migrations;
      expect(rows.map((m: { applied: boolean }) => m.applied)).toEqual([true, true, true, true]);
      expect(new Set(rows.map((m: { batch: number }) => m.batch)).size).toBe(1);
    } finally {
      await p.cleanup();
    }
  });

  it('--no-wait exits 5 naming the holder; without it the run waits and proceeds when the holder ends', async () => {
    const p = await project(migrations);
    try {
      await mkdir(join(p.dir, '.justscale'), { recursive: true });
      const lockFile = join(p.dir, '.justscale/pglite.lock');
      // A live holder: this test process.
      const holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' };
      await writeFile(lockFile, JSON.stringify(holder));
      const refused = await spawnCli(['migrate', '--no-wait'], { cwd: p.dir, env: {} });
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('error [MIGRATION_LOCKED]');
      expect(refused.stderr).toContain(`pid ${process.pid} on host ${hostname()}`);
      expect(refused.stderr).toContain('.justscale/pglite.lock');

      const waiting = startCli(['migrate', '--json'], { cwd: p.dir, env: {} });
      await until(() => (waiting.stderr().includes('Waiting for pid') ? true : undefined), 'the run to wait');
      const { unlink } = await import('node:fs/promises');
      await unlink(lockFile);
      const r = await waiting.done;
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).applied).toHaveLength(4);
    } finally {
      await p.cleanup();
    }
  });

  it('a lock left by a process that is gone is taken over at once', async () => {
    const p = await project(migrations);
    try {
      await mkdir(join(p.dir, '.justscale'), { recursive: true });
      const stale = {
        pid: await deadPid(),
        host: hostname(),
        since: new Date().toISOString(),
        token: 'gone',
      };
      await writeFile(join(p.dir, '.justscale/pglite.lock'), JSON.stringify(stale));
      const r = await spawnCli(['migrate', '--no-wait', '--json'], { cwd: p.dir, env: {} });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).applied).toHaveLength(4);
    } finally {
      await p.cleanup();
    }
  });

  it('a lock held from another host is never taken over', async () => {
    const p = await project(migrations);
    try {
      await mkdir(join(p.dir, '.justscale'), { recursive: true });
      const remote = { pid: 1, host: `not-${hostname()}`, since: new Date().toISOString(), token: 'remote' };
      await writeFile(join(p.dir, '.justscale/pglite.lock'), JSON.stringify(remote));
      const r = await spawnCli(['migrate', 'status', '--no-wait'], { cwd: p.dir, env: {} });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`pid 1 on host not-${hostname()}`);
    } finally {
      await p.cleanup();
    }
  });
});
