export { contribExtensions, PGLITE_CONTRIB } from './contrib.js';
export { type CreatePgliteDriverOptions, createPgliteDriver } from './create-pglite-driver.js';
export {
  type PgliteDriverOptions,
  type PgliteLike,
  type PgliteResult,
  pgliteDriver,
} from './pglite-driver.js';
