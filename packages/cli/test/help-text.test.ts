import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { prerenderedHelp } from '../src/help-text.js';
import { renderHelp, run } from '../src/program.js';
import { Buffer } from './helpers.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Runs `justscale argv` with a stdout `columns` wide (undefined: a pipe). */
async function runWide(argv: string[], columns: number | undefined): Promise<{ code: number; out: string }> {
  const stdout = Object.assign(new Buffer(columns !== undefined), columns === undefined ? {} : { columns });
  const code = await run(argv, { stdout, stderr: new Buffer(), env: {}, cwd: process.cwd() });
  return { code, out: stdout.text };
}

describe('--help without loading yargs', () => {
  it.each([100, 110])('the prerendered help at %i columns is what yargs renders', async (width) => {
    // When this fails, a command or a global option changed: paste renderHelp(width) into help-text.ts.
    expect(prerenderedHelp[width]).toBe(await renderHelp(width));
  });

  it('prints it for --help and -h on a pipe and on a wide terminal', async () => {
    for (const [flag, columns, width] of [
      ['--help', undefined, 100],
      ['-h', undefined, 100],
      ['--help', 160, 110],
    ] as const) {
      const r = await runWide([flag], columns);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${prerenderedHelp[width]}\n`);
    }
  });

  it('falls back to yargs on a narrow terminal, wrapped to it', async () => {
    const r = await runWide(['--help'], 72);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${await renderHelp(72)}\n`);
    expect(r.out).not.toBe(`${prerenderedHelp[100]}\n`);
  });

  it('prints the version for --version', async () => {
    const r = await runWide(['--version'], undefined);
    expect(r).toEqual({ code: 0, out: `${version}\n` });
  });
});
