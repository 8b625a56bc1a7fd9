import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { createPgDriver } from '@justscale/driver-pg';
import { requirePrerequisites } from '@justscale/testing';
import { describe, expect, it, vi } from 'vitest';
import { delayed, startLagProxy } from '../src/lag-proxy.js';

const url = process.env.DATABASE_URL;
const ready = requirePrerequisites(it, { 'DATABASE_URL (a PostgreSQL server)': url !== undefined });

describe('the lag proxy of --latency-ms', () => {
  it.skipIf(!ready)(
    'forwards a session in order, each round trip at least twice the delay later',
    async () => {
      const lag = await startLagProxy(url!, 15);
      const through = lag.through(url!);
      expect(new URL(through).pathname).toBe(new URL(url!).pathname);
      expect(new URL(through).port).not.toBe(new URL(url!).port);
      const driver = createPgDriver(through);
      try {
        await driver.session(async (s) => {
          await s.query('SELECT 1');
          const started = performance.now();
          const { rows } = await s.query<{ n: number }>(
            'SELECT n FROM pg_catalog.generate_series(1, 20000) AS n',
          );
          expect(performance.now() - started).toBeGreaterThanOrEqual(29);
          expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 20000 }, (_, i) => i + 1));
        });
      } finally {
        await driver.close();
        await lag.close();
      }
    },
  );

  it('holds a reply that came in many chunks for the delay once, not a timer a chunk', async () => {
    vi.useFakeTimers();
    try {
      const from = new EventEmitter();
      const written: string[] = [];
      const to = { destroyed: false, write: (c: Buffer) => written.push(c.toString()), end() {} };
      delayed(from as unknown as Socket, to as unknown as Socket, 2);
      for (let i = 0; i < 50; i++) from.emit('data', Buffer.from(String(i)));
      await vi.advanceTimersByTimeAsync(1);
      expect(written).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(written).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    } finally {
      vi.useRealTimers();
    }
  });
});
