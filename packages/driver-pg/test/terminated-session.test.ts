import { describe, expect, it } from 'vitest';
// Relative: @justscale/testing depends on this package.
import { requirePrerequisites } from '../../testing/src/prerequisites.js';
import { createPgDriver } from '../src/index.js';

const url = process.env.DATABASE_URL;

// Regression: a session's backend terminated by the server emitted an unheard 'error' on the
// checked-out pg client, an uncaught exception that crashed the process (found by apps/reliability).
const server = requirePrerequisites(it, {
  'DATABASE_URL (a postgres:// URL of a PostgreSQL server)': url?.startsWith('postgres') === true,
});

describe.skipIf(!server)('a session whose backend is terminated', () => {
  it('rejects its query with a connection error and raises nothing uncaught', async () => {
    const driver = createPgDriver(url!);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = await driver
        .session(async (session) => {
          const pid = (await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
          await driver.query('SELECT pg_terminate_backend($1)', [pid]);
          // Wait until the backend is gone, as the server sees it.
          while (
            (await driver.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rows.length > 0
          ) {
            await new Promise((r) => setTimeout(r, 20));
          }
          await session.query('SELECT 1');
          return 'ran';
        })
        .catch((error: Error) => error.message);
      expect(outcome).not.toBe('ran');
      expect((await driver.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      // Closing ends every socket the driver opened, the terminated one's included: an error event
      // from it that nothing handled would have been raised by now.
      await driver.close();
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await driver.close();
    }
  });
});
