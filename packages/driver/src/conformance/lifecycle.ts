import assert from 'node:assert/strict';
import type { ConformanceCheck } from './check.js';
import { rejection, sleep } from './check.js';

function countResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

function extra(baseline: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [kind, n] of countResources()) {
    if (n > (baseline.get(kind) ?? 0) && kind !== 'Timeout' && kind !== 'TTYWrap') {
      out.push(`${kind} × ${n - (baseline.get(kind) ?? 0)}`);
    }
  }
  return out;
}

/** The server's version, and `close()`. */
export const lifecycleChecks: readonly ConformanceCheck[] = [
  {
    name: "serverVersion reports the server's version",
    async run(driver) {
      const version = await driver.serverVersion();
      const { rows } = await driver.query<{ num: string }>(
        "SELECT pg_catalog.current_setting('server_version_num') AS num",
      );
      assert.equal(version.num, Number(rows[0]?.num));
      assert.equal(version.major, Math.floor(version.num / 10000));
      assert.ok(version.major >= 10, `major ${version.major}`);
      assert.match(version.text, /^PostgreSQL \d+/);
    },
  },
  {
    name: 'close() releases every handle it opened, so the process can exit, and later calls fail',
    async run(_driver, context) {
      const baseline = countResources();
      const driver = await context.createDriver();
      await driver.query('SELECT 1');
      await driver.session((s) => s.query('SELECT 1'));
      await driver.transaction((tx) => tx.query('SELECT 1'));
      await Promise.all([driver.query('SELECT 1'), driver.query('SELECT 2')]);
      await driver.close();
      let left = extra(baseline);
      for (let i = 0; i < 40 && left.length > 0; i++) {
        await sleep(50);
        left = extra(baseline);
      }
      assert.deepStrictEqual(left, [], 'handles still open after close()');
      await rejection(driver.query('SELECT 1'), 'a query after close()');
      await driver.close(); // A second close() is harmless.
    },
  },
];
