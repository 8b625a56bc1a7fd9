import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// jiti exports './register' for `import` only: find it beside the package's CommonJS entry.
const register = join(
  dirname(createRequire(join(root, 'package.json')).resolve('jiti')),
  'jiti-register.mjs',
);

// A fresh process: in the test runner pg and fetch may be loaded already.
const script = `
const before = 'navigator' in globalThis;
const loaded = await import(${JSON.stringify(pathToFileURL(join(root, 'src/load-pg.ts')).href)});
const requirePg = loaded.requirePg ?? loaded.default.requirePg;
const pg = requirePg();
const report = {
  before,
  after: 'navigator' in globalThis,
  undici: process.moduleLoadList.some((m) => m.includes('undici')),
  pool: typeof pg.Pool,
  rows: null,
};
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  report.rows = (await pool.query('SELECT 41 + 1 AS n')).rows;
  await pool.end();
}
console.log(JSON.stringify(report));
`;

describe('requirePg', () => {
  it('loads pg without loading fetch (undici) and leaves no navigator behind', async () => {
    // Asynchronously: a worker blocked on a child for a minute misses vitest's own calls.
    const child = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@justscale/source',
        '--import',
        pathToFileURL(register).href,
        '--input-type=module',
        '-e',
        script,
      ],
      {
        cwd: root,
        env: { PATH: process.env.PATH, DATABASE_URL: process.env.DATABASE_URL },
        encoding: 'utf8',
      },
    );
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout) as Record<string, unknown>;
    expect(report.pool).toBe('function');
    // Node 21 and later define navigator themselves: then nothing is defined or removed.
    expect(report.after).toBe(report.before);
    if (report.before === false) expect(report.undici).toBe(false);
    // pg chose its Node sockets: a query goes through.
    if (process.env.DATABASE_URL) expect(report.rows).toEqual([{ n: 42 }]);
  });
});
