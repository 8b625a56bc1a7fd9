import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { JustScaleError } from '@justscale/errors';

/** Who holds a folder lock: written into the lock file as JSON. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** Unique per acquisition: a lock is only ever removed by the process that checked this token. */
  readonly token: string;
}

/** A held folder lock. `release()` removes the lock file; it is also removed if the process exits. */
export interface FolderLock {
  readonly path: string;
  release(): Promise<void>;
}

/** How `lockFolder` behaves when another process holds the lock. */
export interface LockFolderOptions {
  /** Wait for the holder to release it (default), or fail at once with `FolderLockedError`. */
  readonly wait: boolean;
  /** Stops waiting: `lockFolder` rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Told once, when the lock is found held and `wait` is true. */
  readonly onWait?: ((holder: LockHolder | null) => void) | undefined;
}

/** The lock is held by another live process and `wait` was false. */
export class FolderLockedError extends JustScaleError {
  override name = 'FolderLockedError';
  constructor(
    readonly path: string,
    readonly holder: LockHolder | null,
  ) {
    super('MIGRATION_LOCKED', `${path} is held by ${describeHolder(holder)}`, { ref: { file: path } });
  }
}

/** `pid 123 on host build-7 since 2026-12-03T14:00:00Z` (or what is known of it). */
export function describeHolder(holder: LockHolder | null): string {
  if (holder === null) return 'another process (the lock file is being written)';
  return `pid ${holder.pid} on host ${holder.host} since ${holder.since}`;
}

/**
 * Takes the cross-process lock `path` (a lock file holding the holder's pid and host). A lock left by
 * a process that no longer runs on this host is stale and taken over; a lock held from another host
 * is never taken over (its pid cannot be checked from here). Waits for the holder with a backoff,
 * or, with `wait: false`, throws `FolderLockedError` at once.
 *
 * PostgreSQL's advisory lock cannot serialise PGlite runs: each process has its own in-process
 * server, so two processes on one data folder would both "hold" it and both write the folder.
 *
 * @example
 * const lock = await lockFolder('.justscale/pglite.lock', { wait: true });
 * try { await runMigrations(); } finally { await lock.release(); }
 */
export async function lockFolder(path: string, options: LockFolderOptions): Promise<FolderLock> {
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  let told = false;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    options.signal?.throwIfAborted();
    if (await tryCreate(path, me)) return held(path, me);
    const holder = await readHolder(path);
    if (holder !== undefined && holder !== null && isStale(holder)) {
      await takeOver(path, holder);
      continue;
    }
    if (holder === undefined) continue; // released between our attempt and the read: try again
    if (!options.wait) throw new FolderLockedError(path, holder);
    if (!told) options.onWait?.(holder);
    told = true;
    await pause(delay, options.signal);
  }
}

/** Creates the lock file if none exists (`wx`: atomic); true when we hold it now. */
async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder in the lock file; undefined when there is no lock file, null while it is being written. */
async function readHolder(path: string): Promise<LockHolder | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string')
      return value as LockHolder;
  } catch {
    // A holder killed between creating and writing the file leaves it empty or cut short.
  }
  return null;
}

/** A lock from this host whose process is gone. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. A guard file serialises takeovers, and the lock is removed only if it still
 * carries the stale holder's token, so two processes finding the same stale lock never remove a lock
 * that one of them has just taken.
 */
async function takeOver(path: string, stale: LockHolder): Promise<void> {
  const guard = `${path}.takeover`;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  if (!(await tryCreate(guard, me))) {
    const other = await readHolder(guard);
    // A process killed during its takeover leaves the guard behind: it is stale like any lock.
    if (other !== undefined && other !== null && isStale(other)) await removeIf(guard, other.token);
    return;
  }
  try {
    await removeIf(path, stale.token);
  } finally {
    await removeIf(guard, me.token);
  }
}

/** Removes `path` if it still holds `token`. */
async function removeIf(path: string, token: string): Promise<void> {
  const current = await readHolder(path);
  if (current?.token !== token) return;
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

function held(path: string, me: LockHolder): FolderLock {
  // A process that exits without releasing (process.exit on a second Ctrl-C) still removes its lock;
  // only SIGKILL or a crash leaves it, and the next process finds it stale.
  const onExit = () => {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      await removeIf(path, me.token);
    },
  };
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
