export {
  type Connection,
  type Lease,
  Mutex,
  mutexFor,
  pooledDriver,
  queryableOf,
  readServerVersion,
  redact,
  runTransaction,
  SESSION_RESET_SQL,
  singleConnectionDriver,
  toDatabaseError,
} from './adapter/index.js';
export { type CancellableDriver, cancellable } from './cancellable.js';
export { parseArray } from './codec/array.js';
export { encodeParam } from './codec/encode.js';
export { arrayElementOid, Oid } from './codec/oids.js';
export { parseBytea, parserFor, parseTimestamp, parseValue, type TextParser } from './codec/parse.js';
export { forEachRow, forEachRowOfScript, SCRIPT_SEPARATOR, statementAt } from './each-row.js';
export { DatabaseError, isDatabaseError, type PostgresErrorFields, restated } from './errors.js';
export type {
  Driver,
  Queryable,
  QueryResult,
  Row,
  ScriptStatement,
  ServerVersion,
  Session,
} from './types.js';
