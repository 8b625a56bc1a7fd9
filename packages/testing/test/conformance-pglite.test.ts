import { PGlite } from '@electric-sql/pglite';
import { describeDriverConformance } from '@justscale/driver/conformance';
import { createPgliteDriver, type PgliteLike, pgliteDriver } from '@justscale/driver-pglite';

// PGlite needs no server: this suite always runs.
describeDriverConformance('pglite (createPgliteDriver)', () => createPgliteDriver());

describeDriverConformance('pglite (pgliteDriver over a PGlite instance, owned)', async () =>
  pgliteDriver((await PGlite.create()) as unknown as PgliteLike, { owned: true }),
);
