import type { Driver, Queryable } from '@justscale/driver';

/** Median, min and max of a list of durations (ms). */
export function stats(samples: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** A driver that counts every statement sent through it, inside transactions and sessions too. */
export function countingDriver(driver: Driver): { driver: Driver; count: () => number; reset: () => void } {
  let n = 0;
  const wrap = (target: Queryable): Queryable => ({
    query: (sql, params) => {
      n++;
      return target.query(sql, params);
    },
    exec: (sql) => {
      n++;
      return target.exec(sql);
    },
    transaction: (fn) => target.transaction((tx) => fn(wrap(tx))),
    // Streamed statements count too (introspection reads its catalog queries this way).
    ...(target.forEachRow === undefined
      ? {}
      : {
          forEachRow: (sql: string, params: readonly unknown[], onRow: (row: never) => void) => {
            n++;
            return target.forEachRow!(sql, params, onRow);
          },
        }),
  });
  return {
    driver: {
      ...wrap(driver),
      name: driver.name,
      session: (fn) => driver.session((s) => fn(wrap(s))),
      serverVersion: () => driver.serverVersion(),
      close: () => driver.close(),
    },
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}

/** Samples the JS heap while `fn` runs, returning its peak (bytes) beside the result. */
export async function withPeakHeap<T>(fn: () => Promise<T>): Promise<{ value: T; peakHeap: number }> {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, peakHeap: peak };
  } finally {
    clearInterval(timer);
  }
}
