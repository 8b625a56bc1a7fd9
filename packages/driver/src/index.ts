export { DatabaseError, isDatabaseError, type PostgresErrorFields } from './errors.js';
export type { Driver, Queryable, QueryResult, Row, ServerVersion, Session } from './types.js';
