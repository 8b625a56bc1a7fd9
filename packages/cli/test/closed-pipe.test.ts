import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './helpers.js';
import { startCli } from './process.js';

describe('a reader that goes away', () => {
  it('ends the output, not the command: no EPIPE crash, the exit code of the command', async () => {
    const empty = await testDatabaseUrl();
    const full = await testDatabaseUrl();
    const dir = await mkdtemp(join(tmpdir(), 'justscale-pipe-'));
    try {
      // 300 tables: a plan far larger than a pipe's buffer, so the binary writes after the reader left.
      await mkdir(join(dir, 'migrations'));
      const tables = Array.from(
        { length: 300 },
        (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, name text);`,
      );
      await writeFile(join(dir, 'migrations', '001_tables.sql'), `-- up\n${tables.join('\n')}\n`);
      const migrate = await startCli(['migrate', '--database-url', full.url], { cwd: dir }).done;
      expect(migrate.code).toBe(0);
      const run = startCli(['schema', 'diff', '--from', empty.url, '--to', full.url], { cwd: dir });
      run.child.stdout!.once('data', () => run.child.stdout!.destroy());
      const r = await run.done;
      expect(r.stderr).not.toContain('EPIPE');
      expect(r.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await empty.close();
      await full.close();
    }
  });
});
