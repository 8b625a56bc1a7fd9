import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, project, testDatabaseUrl } from './helpers.js';
import { startCli } from './process.js';

const repo = join(packageRoot, '../..');
const from = (pkg: string, id: string) =>
  pathToFileURL(createRequire(join(repo, pkg, 'package.json')).resolve(id)).href;

/**
 * Config files handing each kind of client over. Each is set up never to let go by itself (no idle
 * timeout), so a process that does not end what it was given never exits, and the test fails.
 */
const configs: Record<string, (url: string) => string> = {
  'a pg Pool': (url) => `import pg from '${from('packages/cli', 'pg')}';
export default { database: new pg.Pool({ connectionString: ${JSON.stringify(url)}, idleTimeoutMillis: 0 }) };
`,
  'a connected pg Client': (url) => `import pg from '${from('packages/cli', 'pg')}';
const client = new pg.Client({ connectionString: ${JSON.stringify(url)} });
await client.connect();
export default { database: client };
`,
  'a postgres.js sql function': (
    url,
  ) => `import postgres from '${from('packages/driver-postgres', 'postgres')}';
export default { database: postgres(${JSON.stringify(url)}, { onnotice: () => {} }) };
`,
  'a Driver from createPgDriver': (
    url,
  ) => `import { createPgDriver } from '${from('packages/cli', '@justscale/driver-pg')}';
export default { database: createPgDriver({ connectionString: ${JSON.stringify(url)}, idleTimeoutMillis: 0 }) };
`,
};

describe.skipIf(!process.env.DATABASE_URL)('a config that hands over a client', { timeout: 60_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  beforeAll(async () => {
    db = await testDatabaseUrl();
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(Object.keys(configs))('%s: the command runs, then the process ends it and exits', async (kind) => {
    const p = await project({
      'justscale.config.mjs': configs[kind]!(db.url),
      'migrations/001_t.sql': `-- up\nCREATE TABLE IF NOT EXISTS t (id int);\n-- down\nDROP TABLE t;\n`,
    });
    try {
      const run = startCli(['migrate', 'status', '--json'], { cwd: p.dir, env: {} });
      let last = performance.now();
      run.child.stdout!.on('data', () => (last = performance.now()));
      run.child.stderr!.on('data', () => (last = performance.now()));
      const r = await run.done;
      // A figure, not an assertion: how long the process stayed after its last output.
      console.log(`${kind}: exited ${Math.round(performance.now() - last)} ms after its last output`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).migrations[0]).toMatchObject({ name: '001_t' });
    } finally {
      await p.cleanup();
    }
  });

  // A client handed over may be one connection (a pg Client): the catalog is read on one session
  // there; a second one would wait for the first, which waits for it.
  it.each(Object.keys(configs))('%s: schema pull reads the catalog on it, and exits', async (kind) => {
    const p = await project({ 'justscale.config.mjs': configs[kind]!(db.url) });
    try {
      const r = await startCli(['schema', 'pull', '--stdout'], { cwd: p.dir, env: {} }).done;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      await p.cleanup();
    }
  });

  it('a config client that DATABASE_URL overrides is ended too', async () => {
    const p = await project({
      'justscale.config.mjs': configs['a pg Pool']!(db.url),
      'migrations/001_t.sql': '-- up\nSELECT 1;\n',
    });
    try {
      const r = await startCli(['migrate', 'status'], { cwd: p.dir, env: { DATABASE_URL: db.url } }).done;
      expect(r.code).toBe(0);
    } finally {
      await p.cleanup();
    }
  });
});

describe('a config that hands over a PGlite instance', { timeout: 240_000 }, () => {
  it('the command runs on it, then the process closes it and exits', async () => {
    const p = await project({
      'justscale.config.mjs': `import { PGlite } from '${from('packages/cli', '@electric-sql/pglite')}';
export default { database: new PGlite(new URL('./data', import.meta.url).pathname) };
`,
      'migrations/001_t.sql': `-- up\nCREATE TABLE t (id int);\n-- down\nDROP TABLE t;\n`,
    });
    try {
      const r = await startCli(['migrate', '--json'], { cwd: p.dir, env: {} }).done;
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).applied).toHaveLength(1);
    } finally {
      await p.cleanup();
    }
  });
});
