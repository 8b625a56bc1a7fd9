import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** A finished child process: its wall time (ms), peak RSS (bytes, 0 when unknown) and output. */
export interface ProcessRun {
  readonly ms: number;
  readonly peakRss: number;
  readonly stdout: string;
}

let seq = 0;

/**
 * Runs a command to completion under `/usr/bin/time` (for its peak RSS); rejects on a non-zero exit
 * unless `okCodes` lists it.
 *
 * @example
 * const { ms } = await runProcess('node', ['-e', '0']);
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: { okCodes?: readonly number[]; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessRun> {
  const rssFile = join(tmpdir(), `justscale-bench-rss-${process.pid}-${seq++}`);
  const ok = options.okCodes ?? [0];
  const start = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: options.env ?? process.env,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c ?? 1, stdout: out, stderr: err }));
    },
  );
  const ms = performance.now() - start;
  let peakRss = 0;
  try {
    const text = await readFile(rssFile, 'utf8');
    const kb = Number.parseInt(text.trim().split('\n').pop() ?? '', 10);
    if (Number.isFinite(kb)) peakRss = kb * 1024;
  } catch {
    // /usr/bin/time missing or wrote nothing: the peak stays unknown
  }
  await rm(rssFile, { force: true });
  if (!ok.includes(code)) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr || stdout}`);
  }
  return { ms, peakRss, stdout };
}
