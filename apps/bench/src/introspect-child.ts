/**
 * `node dist/introspect-child.js URL [SCHEMA]`: one introspection on one connection, as a process
 * of its own, so the bench can read its peak RSS through `/usr/bin/time`. Prints its peak JS heap
 * (`heapUsed`, sampled every 2 ms and at the end; garbage not yet collected included) and the
 * number of tables read, as JSON.
 */
import { createPgDriver } from '@justscale/driver-pg';
import { introspect } from '@justscale/introspect';
import { withPeakHeap } from './measure.js';

const [url, schema] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: introspect-child.js URL [SCHEMA]\n');
  process.exit(2);
}
const driver = createPgDriver(url);
try {
  const { value, peakHeap } = await withPeakHeap(() =>
    introspect(driver, schema ? { schemas: [schema] } : {}),
  );
  process.stdout.write(`${JSON.stringify({ peakHeap, tables: value.tables.length })}\n`);
} finally {
  await driver.close();
}
