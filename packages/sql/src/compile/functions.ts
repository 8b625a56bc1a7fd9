import type {
  CreateFunctionOperation,
  DropFunctionOperation,
  FunctionDef,
  RenameFunctionOperation,
} from '@justscale/schema';
import { InvalidSqlFragmentError } from '../errors.js';
import { H } from '../hazards.js';
import { dollarQuote, quoteIdent, quoteLiteral, quoteQualified } from '../quote.js';
import { cascade, ifExists } from '../render.js';
import { compact, type Statement, statement } from '../statement.js';
import { commentIfAny, routineSignature } from './comments.js';

// proconfig entries: `search_path=public, pg_temp`, `work_mem=64MB`, `search_path="$user", public`.
const CONFIG_NAME = /^[a-z_][a-z0-9_.]*$/;
const CONFIG_ITEM = /"(?:[^"]|"")*"|[^,]+/g;

// Each list item: a word or number as is, a double-quoted name as is, anything else a string literal.
function configItem(item: string): string {
  const v = item.trim();
  if (/^(?:[A-Za-z_][A-Za-z0-9_$]*|-?\d+(?:\.\d+)?|"(?:[^"]|"")*")$/.test(v)) return v;
  return quoteLiteral(v);
}

function setClause(entry: string): string {
  const eq = entry.indexOf('=');
  const name = eq < 0 ? '' : entry.slice(0, eq);
  const value = entry.slice(eq + 1);
  if (!CONFIG_NAME.test(name) || value.trim() === '')
    throw new InvalidSqlFragmentError('function SET clause', entry);
  return `SET ${name} TO ${(value.match(CONFIG_ITEM) ?? []).map(configItem).join(', ')}`;
}

function createSql(f: FunctionDef, orReplace: boolean): string {
  const isProcedure = f.kind === 'procedure';
  const parts = [
    `CREATE ${orReplace ? 'OR REPLACE ' : ''}${isProcedure ? 'PROCEDURE' : 'FUNCTION'} ${quoteQualified(f)}(${f.arguments})`,
  ];
  if (!isProcedure) parts.push(`RETURNS ${f.returns ?? 'void'}`);
  parts.push(`LANGUAGE ${quoteIdent(f.language)}`);
  if (!isProcedure) {
    parts.push(f.volatility);
    parts.push(f.strict ? 'STRICT' : 'CALLED ON NULL INPUT');
    if (f.leakproof) parts.push('LEAKPROOF');
    parts.push(`PARALLEL ${f.parallel}`);
  }
  parts.push(f.securityDefiner ? 'SECURITY DEFINER' : 'SECURITY INVOKER');
  parts.push(...f.config.map(setClause));
  // A SQL-standard body is SQL itself (BEGIN ATOMIC ... END, RETURN expr), never a string.
  parts.push(f.sqlStandard === true ? f.body : `AS ${dollarQuote(f.body)}`);
  return parts.join('\n');
}

export function compileCreateFunction(op: CreateFunctionOperation): Statement[] {
  const f = op.function;
  return [
    statement(createSql(f, op.orReplace)),
    ...commentIfAny(
      {
        objectKind: 'routine',
        routine: {
          schema: f.schema,
          name: f.name,
          routineKind: f.kind,
          identityArguments: f.identityArguments,
        },
      },
      f.comment,
    ),
  ];
}

const keyword = (k: 'function' | 'procedure'): string => (k === 'procedure' ? 'PROCEDURE' : 'FUNCTION');

export function compileDropFunction(op: DropFunctionOperation): Statement[] {
  const sig = routineSignature(op.function);
  return [
    statement(
      `DROP ${keyword(op.function.routineKind)} ${ifExists(op.ifExists)}${sig}${cascade(op.cascade)}`,
      compact([op.cascade && H.dropsDependents(sig)]),
    ),
  ];
}

export function compileRenameFunction(op: RenameFunctionOperation): Statement[] {
  return [
    statement(
      `ALTER ${keyword(op.function.routineKind)} ${routineSignature(op.function)} RENAME TO ${quoteIdent(op.to)}`,
    ),
  ];
}
