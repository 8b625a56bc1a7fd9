import { quoteLiteral } from '@justscale/sql';
import type { PlannedStatement, Timeouts } from './types.js';

/** The session settings a statement can carry, in the order they are set and reset. */
const SETTINGS = [
  ['lockTimeout', 'lock_timeout'],
  ['statementTimeout', 'statement_timeout'],
] as const;

/**
 * The `SET` / `RESET` statements that take a session whose timeouts are `from` to those `to` asks
 * for (a setting `to` leaves out goes back to the session default). With `local`, inside a
 * transaction: `SET LOCAL`, which ends with the transaction, and `SET LOCAL ... TO DEFAULT`.
 *
 * @example
 * settingsSql({}, { lockTimeout: '5s' }); // ["SET lock_timeout = '5s'"]
 * settingsSql({ lockTimeout: '5s' }, {}); // ['RESET lock_timeout']
 */
export function settingsSql(from: Timeouts, to: Timeouts, options: { local?: boolean } = {}): string[] {
  const local = options.local === true;
  const out: string[] = [];
  for (const [field, name] of SETTINGS) {
    const want = to[field];
    if (want === from[field]) continue;
    if (want !== undefined) out.push(`SET ${local ? 'LOCAL ' : ''}${name} = ${quoteLiteral(want)}`);
    else out.push(local ? `SET LOCAL ${name} TO DEFAULT` : `RESET ${name}`);
  }
  return out;
}

/** One line of a plan printed as a script: a statement of the plan, or a setting before it. */
export interface ScriptStatement<S = PlannedStatement> {
  readonly sql: string;
  /** The plan's statement, or null for a `SET` / `RESET` the script adds for the timeouts. */
  readonly statement: S | null;
}

/**
 * A plan's statements as one script for one session: a `SET` before each statement whose timeouts
 * differ from the session's so far, and a `RESET` of each at the end. This is how a plan is printed
 * (`schema diff`, generated files' `db.raw`); a runner applies each statement's own fields instead.
 *
 * @example
 * planScript(diff(a, b, { online: true }).statements).map((s) => s.sql);
 * // ["SET lock_timeout = '5s'", 'CREATE INDEX CONCURRENTLY ...', 'RESET lock_timeout']
 */
export function planScript<S extends Timeouts & { readonly sql: string } = PlannedStatement>(
  statements: readonly S[],
): ScriptStatement<S>[] {
  const out: ScriptStatement<S>[] = [];
  let session: Timeouts = {};
  for (const s of statements) {
    for (const sql of settingsSql(session, timeoutsOf(s))) out.push({ sql, statement: null });
    session = timeoutsOf(s);
    out.push({ sql: s.sql, statement: s });
  }
  for (const sql of settingsSql(session, {})) out.push({ sql, statement: null });
  return out;
}

/** The timeouts a statement carries (its own fields, nothing else). */
export function timeoutsOf(s: Timeouts): Timeouts {
  return {
    ...(s.lockTimeout === undefined ? {} : { lockTimeout: s.lockTimeout }),
    ...(s.statementTimeout === undefined ? {} : { statementTimeout: s.statementTimeout }),
  };
}
