export type { Hazard, HazardKind } from '@justscale/schema';
export { HAZARD_KINDS } from '@justscale/schema';
export { compile, compileAll } from './compile.js';
export {
  IdentifierTooLongError,
  InvalidIdentifierError,
  InvalidLiteralError,
  InvalidOperationError,
  InvalidSqlFragmentError,
  IrreversibleOperationError,
  MAX_IDENTIFIER_BYTES,
  SqlError,
  type SqlErrorCode,
  UnsupportedByServerError,
} from './errors.js';
export { hazard } from './hazards.js';
export { invert } from './invert.js';
export { quoteIdentLikePostgres, quoteLiteralLikePostgres } from './printed.js';
export {
  dollarQuote,
  type LiteralValue,
  quoteIdent,
  quoteLiteral,
  quoteQualified,
  renderType,
} from './quote.js';
export type { CompileOptions, Statement } from './statement.js';
