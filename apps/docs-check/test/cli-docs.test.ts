import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, run } from '@justscale/cli';
import { describe, expect, it } from 'vitest';

// docs/cli.md cannot drift from the CLI: every command the program defines, every flag each one
// takes, and every exit code appear in it. Commands and flags are read from the program's own
// `--help` (so a new one is found without touching this test).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');

async function help(command: readonly string[]): Promise<string> {
  let out = '';
  const io = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: () => undefined },
    env: {},
    cwd: root,
  };
  const code = await run([...command, '--help'], io);
  expect(code, `justscale ${command.join(' ')} --help`).toBe(ExitCode.Success);
  return out;
}

/** The subcommands a help text lists: `justscale migrate make <name>` gives ['migrate', 'make']. */
function subcommands(text: string): string[][] {
  const section = text.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...section.matchAll(/^ {2}justscale ((?:[a-z][\w-]* ?)+)/gm)].map((m) => m[1]!.trim().split(' '));
}

/** Every command of the program, found by walking the help texts from the top. */
async function allCommands(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue: string[][] = [[]];
  while (queue.length > 0) {
    const command = queue.shift()!;
    const text = await help(command);
    found.set(command.join(' '), text);
    for (const sub of subcommands(text)) if (!found.has(sub.join(' '))) queue.push(sub);
  }
  return found;
}

/** The flags a help text lists: `--database-url`, `--dry-run`, ... (without the dashes). */
function flagsOf(text: string): string[] {
  return [...text.matchAll(/^\s+(?:-\w, )?--([a-z][\w-]*)/gm)].map((m) => m[1]!);
}

const commands = await allCommands();

describe('docs/cli.md', () => {
  it('the help walk finds the commands', () => {
    expect([...commands.keys()]).toEqual(
      expect.arrayContaining(['migrate', 'migrate status', 'migrate make', 'schema diff', 'schema push']),
    );
    expect(flagsOf(commands.get('migrate rollback')!)).toEqual(
      expect.arrayContaining(['database-url', 'wait', 'transaction', 'dry-run', 'steps', 'all']),
    );
  });

  for (const [command, text] of commands) {
    if (command === '') continue;
    it(`documents justscale ${command} and each of its flags`, () => {
      expect(doc).toContain(`justscale ${command}`);
      const flags = flagsOf(text);
      expect(flags.length).toBeGreaterThan(0);
      // --wait defaults to true: what users type, and the doc shows, is --no-wait.
      const missing = flags
        .map((flag) => (flag === 'wait' ? 'no-wait' : flag))
        .filter((flag) => !new RegExp(`--${flag}(?![\\w-])`).test(doc));
      expect(missing).toEqual([]);
    });
  }

  it('documents every exit code with its meaning', () => {
    const rows = [...doc.matchAll(/^\| (\d+) +\| (.+) \|$/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Object.values(ExitCode));
  });
});
