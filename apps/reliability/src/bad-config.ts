import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '@justscale/driver';
import { spawnCli } from './processes.js';

/** One bad configuration or URL given to `justscale migrate status` as a process. */
export interface BadConfigResult {
  readonly name: string;
  readonly exitCode: number | null;
  readonly expectedExit: number;
  /** The message says what is wrong (matched against the case's pattern). */
  readonly explains: boolean;
  /** The case's password appears in no output. */
  readonly passwordHidden: boolean;
  readonly stderr: string;
  readonly ok: boolean;
}

const PASSWORD = 'Rel-S3cret-Pw-7731';
const NOLOGIN_ROLE = 'reliability_nologin';

interface Case {
  readonly name: string;
  /** Files of the project the CLI runs in (a `migrations/` folder is always there). */
  readonly files?: Record<string, string>;
  readonly args: readonly string[];
  readonly exit: number;
  readonly explains: RegExp;
}

/**
 * Runs the built CLI as a process against bad URLs and bad config files on the server at `url`
 * (reached by `driver` to set up a role that may not log in): each must exit with its documented
 * code (1 for a connection that fails, 2 for a configuration error), say what is wrong, and never
 * print the password. The server trusts local connections, so a wrong password is modelled by a role
 * that may not log in: the same refusal at authentication.
 */
export async function runBadConfig(driver: Driver, url: string): Promise<BadConfigResult[]> {
  const server = new URL(url);
  const at = (user: string, host: string, database: string, query = '') =>
    `postgres://${user}:${PASSWORD}@${host}/${database}${query}`;
  const hostPort = `${server.hostname}:${server.port || '5432'}`;
  const sockets: Socket[] = [];
  const blackHole = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const holePort = (blackHole.address() as { port: number }).port;
  await driver.query(`DROP ROLE IF EXISTS ${NOLOGIN_ROLE}`);
  await driver.query(`CREATE ROLE ${NOLOGIN_ROLE} NOLOGIN PASSWORD '${PASSWORD}'`);
  const cases: Case[] = [
    {
      name: 'authentication refused (role may not log in)',
      args: ['--database-url', at(NOLOGIN_ROLE, hostPort, 'postgres')],
      exit: 1,
      explains: /CONNECTION_FAILED.*not permitted to log in/,
    },
    {
      name: 'a role that does not exist',
      args: ['--database-url', at('reliability_nobody', hostPort, 'postgres')],
      exit: 1,
      explains: /CONNECTION_FAILED.*role "reliability_nobody" does not exist/,
    },
    {
      name: 'a database that does not exist',
      args: ['--database-url', at(server.username || 'postgres', hostPort, 'reliability_no_such_db')],
      exit: 1,
      explains: /CONNECTION_FAILED.*database "reliability_no_such_db" does not exist/,
    },
    {
      name: 'nothing listening on the port',
      args: ['--database-url', at('app', '127.0.0.1:1', 'app')],
      exit: 1,
      explains: /CONNECTION_FAILED.*ECONNREFUSED/,
    },
    {
      name: 'a host name that does not resolve',
      args: ['--database-url', at('app', 'reliability.invalid', 'app')],
      exit: 1,
      explains: /CONNECTION_FAILED.*ENOTFOUND/,
    },
    {
      name: 'a server that never answers (connect_timeout=1)',
      args: ['--database-url', at('app', `127.0.0.1:${holePort}`, 'app', '?connect_timeout=1')],
      exit: 1,
      explains: /CONNECTION_FAILED.*no answer within 1 s/,
    },
    {
      name: 'not a PostgreSQL URL',
      args: ['--database-url', `mysql://app:${PASSWORD}@localhost/app`],
      exit: 2,
      explains: /postgres:\/\/ or postgresql:\/\//,
    },
    {
      name: 'a config file with a syntax error',
      files: { 'justscale.config.ts': `export default { database: '${at('app', hostPort, 'app')}', ;` },
      args: [],
      exit: 2,
      explains: /CONFIG_LOAD_FAILED.*justscale\.config\.ts/s,
    },
    {
      name: 'a config file with a wrong type and a typo',
      files: {
        'justscale.config.json': JSON.stringify({
          database: at('app', hostPort, 'app'),
          migrations: { table: 42 },
          shemas: [],
        }),
      },
      args: [],
      exit: 2,
      explains: /CONFIG_INVALID[\s\S]*migrations\.table[\s\S]*unknown key: shemas/,
    },
  ];
  const results: BadConfigResult[] = [];
  try {
    for (const c of cases) {
      const dir = await mkdtemp(join(tmpdir(), 'justscale-bad-config-'));
      try {
        await mkdir(join(dir, 'migrations'));
        for (const [file, text] of Object.entries(c.files ?? {})) await writeFile(join(dir, file), text);
        const r = await spawnCli(['migrate', 'status', ...c.args], dir).done;
        const explains = c.explains.test(r.stderr.replace(/\n/g, ' '));
        const passwordHidden = !(r.stdout + r.stderr).includes(PASSWORD);
        results.push({
          name: c.name,
          exitCode: r.code,
          expectedExit: c.exit,
          explains,
          passwordHidden,
          stderr: r.stderr.trim(),
          ok: r.code === c.exit && explains && passwordHidden,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
    await driver.query(`DROP ROLE IF EXISTS ${NOLOGIN_ROLE}`);
  }
  return results;
}
