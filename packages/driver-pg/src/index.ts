export { type CreatePgDriverOptions, createPgDriver, type PgPoolConfig } from './create-pg-driver.js';
export { type PgDriverOptions, pgDriver } from './pg-driver.js';
export {
  isPgPool,
  type PgClientLike,
  type PgPoolClientLike,
  type PgPoolLike,
  type PgResult,
} from './types.js';
