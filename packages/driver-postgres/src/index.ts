export { createPostgresDriver, type PostgresOptions } from './create-postgres-driver.js';
export {
  type PostgresDriverOptions,
  type PostgresPendingQuery,
  type PostgresRawResult,
  type PostgresReservedSqlLike,
  type PostgresSqlLike,
  postgresDriver,
} from './postgres-driver.js';
