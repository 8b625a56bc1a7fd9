import { type ChildProcess, spawn } from 'node:child_process';
import { binCommand, type Result } from './helpers.js';

/** A running `justscale` process: its output so far, and its end. */
export interface Running {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when the process has exited (and its streams closed). */
  readonly done: Promise<Result & { signal: NodeJS.Signals | null }>;
}

/** Starts the real binary without waiting for it, so a test can signal it while it works. */
export function startCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Running {
  const child = spawn(process.execPath, [...binCommand(), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Result & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr, signal }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/**
 * Polls `probe` until it returns a value other than undefined: synchronisation on the state itself
 * (pg_stat_activity, a lock file, a marker file), never on a fixed sleep. Fails after `limit` tries.
 */
export async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  limit = 3000,
): Promise<T> {
  for (let i = 0; i < limit; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}
