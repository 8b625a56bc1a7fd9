export { type Lease, pooledDriver, singleConnectionDriver } from './build-driver.js';
export {
  type Connection,
  queryableOf,
  readServerVersion,
  runTransaction,
  SESSION_RESET_SQL,
} from './connection.js';
export { Mutex, mutexFor } from './mutex.js';
export { redact, toDatabaseError } from './to-database-error.js';
