import { describe, expect, it, vi } from 'vitest';
import { runThroughYargs } from '../src/program.js';
import { quickCommand } from '../src/quick-commands.js';
import { Buffer } from './helpers.js';

// The handlers record what they are given: the quick path and yargs must give them the same.
const seen = vi.hoisted(() => [] as { handler: string; args: Record<string, unknown> }[]);
const recorder = (handler: string) => async (args: Record<string, unknown>) => {
  seen.push({ handler, args: { ...args } });
  return 0;
};
vi.mock('../src/handlers/schema.js', async (original) => ({
  ...(await original<object>()),
  diff: recorder('diff'),
}));
vi.mock('../src/handlers/migrate.js', async (original) => ({
  ...(await original<object>()),
  migrate: recorder('migrate'),
  status: recorder('status'),
}));

async function throughYargs(argv: string[]): Promise<{ handler: string; args: Record<string, unknown> }> {
  seen.length = 0;
  const stderr = new Buffer();
  const code = await runThroughYargs(argv, { stdout: new Buffer(), stderr, env: {}, cwd: process.cwd() });
  expect(stderr.text).toBe('');
  expect(code).toBe(0);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

const url = 'postgres://app:secret@db.example:5432/app?sslmode=require';

describe('the quick path (schema diff, migrate, migrate status without yargs)', () => {
  it.each([
    ['diff', ['schema', 'diff', '--from', url, '--to', 'pglite:./data']],
    [
      'diff',
      [
        'schema',
        'diff',
        `--from=${url}`,
        '--to',
        url,
        '--schema',
        'bench',
        '--schema',
        'a,b',
        '--exclude-schema',
        'x',
        'y',
        '--format',
        'json',
        '--online',
        '--exit-code',
        '--json',
        '--verbose',
        '--config',
        'justscale.config.ts',
      ],
    ],
    [
      'diff',
      ['schema', 'diff', '--to', 'b', '--no-online', '--from', 'a', '--format=sql', '--schema=Mixed Case'],
    ],
    ['migrate', ['migrate']],
    [
      'migrate',
      [
        'migrate',
        '--database-url',
        url,
        '--no-wait',
        '--transaction',
        'all',
        '--allow-changed',
        '--allow-missing',
        '--allow-out-of-order',
        '--dry-run',
        '--migrations',
        'db/migrations',
        '--table=schema_migrations',
      ],
    ],
    ['status', ['migrate', 'status', '--json', '--check']],
    ['status', ['migrate', 'status', '--database-url=pglite:.data', '--wait', '--verbose']],
  ])('gives %s what yargs gives it: %j', async (handler, argv) => {
    const quick = quickCommand(argv);
    expect(quick).toBeDefined();
    const yargs = await throughYargs(argv);
    expect(yargs.handler).toBe(handler);
    expect(quick!.args).toEqual(yargs.args);
  });

  it.each([
    ['a required option missing', ['schema', 'diff', '--from', 'a']],
    ['a value not among the choices', ['schema', 'diff', '--from', 'a', '--to', 'b', '--format', 'xml']],
    ['--help', ['schema', 'diff', '--from', 'a', '--to', 'b', '--help']],
    ['a short flag', ['schema', 'diff', '-h']],
    ['a positional', ['schema', 'diff', '--from', 'a', '--to', 'b', 'extra']],
    ['an option given twice', ['schema', 'diff', '--from', 'a', '--from', 'c', '--to', 'b']],
    ['an option without its value', ['schema', 'diff', '--from', '--to', 'b']],
    ['an empty value', ['schema', 'diff', '--from=', '--to', 'b']],
    ['a value starting with a dash', ['schema', 'diff', '--from', 'a', '--to', 'b', '--schema', '-x']],
    ['a value after the = form', ['schema', 'diff', '--from', 'a', '--to', 'b', '--schema=a', 'b']],
    ['a boolean given a value', ['migrate', '--dry-run=true']],
    ['a boolean followed by a word', ['migrate', '--dry-run', 'true']],
    ['an unknown option', ['migrate', 'status', '--online']],
    ['a camel-case spelling', ['migrate', '--dryRun']],
    ['--', ['migrate', '--']],
    ['another subcommand', ['migrate', 'rollback']],
    ['a negated option that is not a boolean', ['migrate', '--no-transaction']],
    ['a boolean given twice', ['migrate', '--no-wait', '--wait']],
  ])('leaves %s to yargs', (_what, argv) => {
    expect(quickCommand(argv)).toBeUndefined();
  });
});
