/**
 * Why a run stopped scheduling targets: a canary failed, a target failed without continueOnError,
 * or the run was interrupted (its signal aborted: Ctrl-C, SIGTERM).
 */
export type StopReason = 'canary' | 'failure' | 'interrupted';

/** How targets are scheduled. */
export interface ScheduleOptions {
  /** Targets run at once, at most. */
  readonly concurrency: number;
  /** The first `canary` targets run (and must all succeed) before any other starts. */
  readonly canary: number;
  /** Keep scheduling after a failure (a failed canary still stops everything). */
  readonly continueOnError: boolean;
  /** When it aborts, no new item starts (those running finish or fail on their own). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `work` for items `0..count-1`, `concurrency` at a time, in order of index. `work` resolves
 * true when its item succeeded. After a stop, targets already running finish and no new one starts;
 * the result says which were started and why it stopped.
 *
 * @example
 * const { stopped, started } = await schedule(10, { concurrency: 4, canary: 1, continueOnError: false }, run);
 */
export async function schedule(
  count: number,
  options: ScheduleOptions,
  work: (index: number) => Promise<boolean>,
): Promise<{ stopped: StopReason | null; started: ReadonlySet<number> }> {
  const started = new Set<number>();
  let stopped: StopReason | null = null;
  const phase = async (from: number, to: number, onFailure: StopReason | null): Promise<void> => {
    let next = from;
    const worker = async (): Promise<void> => {
      while (stopped === null && next < to) {
        if (options.signal?.aborted) {
          stopped = 'interrupted';
          break;
        }
        const index = next++;
        started.add(index);
        const ok = await work(index);
        if (options.signal?.aborted) stopped ??= 'interrupted';
        if (!ok && onFailure !== null) stopped ??= onFailure;
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency, to - from));
    await Promise.all(Array.from({ length: workers }, worker));
  };
  const canary = Math.min(options.canary, count);
  if (canary > 0) await phase(0, canary, 'canary');
  if (stopped === null) await phase(canary, count, options.continueOnError ? null : 'failure');
  return { stopped, started };
}
