import { run } from '@justscale/cli';

/** Runs the CLI in this process (`run`, as `bin.js` does) in `cwd`, keeping what it prints. */
export async function runCli(
  argv: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd,
  });
  return { code, stdout, stderr };
}
