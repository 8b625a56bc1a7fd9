import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';

describe('schedule', () => {
  it('starts nothing new once its signal aborts; the item running finishes', async () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const result = await schedule(
      5,
      { concurrency: 1, canary: 0, continueOnError: true, signal: controller.signal },
      async (i) => {
        ran.push(i);
        if (i === 1) controller.abort('SIGINT');
        return true;
      },
    );
    expect(ran).toEqual([0, 1]);
    expect(result.stopped).toBe('interrupted');
    expect([...result.started]).toEqual([0, 1]);
  });

  it('an interruption wins over a failure seen at the same time, and a signal aborted before starts nothing', async () => {
    const controller = new AbortController();
    const first = await schedule(
      3,
      { concurrency: 2, canary: 0, continueOnError: false, signal: controller.signal },
      async () => {
        controller.abort('SIGTERM');
        return false;
      },
    );
    expect(first.stopped).toBe('interrupted');
    const none = await schedule(
      3,
      { concurrency: 2, canary: 1, continueOnError: false, signal: controller.signal },
      async () => true,
    );
    expect(none).toEqual({ stopped: 'interrupted', started: new Set() });
  });
});
