import type {
  FunctionDef,
  Grant,
  GrantObjectKind,
  Trigger,
  TriggerEvent,
  Volatility,
} from '@justscale/schema';
import { bool, json, num, optStr, type Row, str } from './rows.js';

const VOLATILITY: Record<string, Volatility> = { i: 'IMMUTABLE', s: 'STABLE', v: 'VOLATILE' };
const PARALLEL: Record<string, FunctionDef['parallel']> = { s: 'SAFE', r: 'RESTRICTED', u: 'UNSAFE' };

export function mapFunction(row: Row): FunctionDef {
  const kind = str(row, 'kind');
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    kind: kind === 'p' ? 'procedure' : 'function',
    arguments: str(row, 'arguments'),
    identityArguments: str(row, 'identity_arguments'),
    returns: kind === 'p' ? null : optStr(row, 'returns'),
    language: str(row, 'language'),
    volatility: VOLATILITY[str(row, 'volatility')] ?? 'VOLATILE',
    strict: bool(row, 'strict'),
    securityDefiner: bool(row, 'security_definer'),
    leakproof: bool(row, 'leakproof'),
    parallel: PARALLEL[str(row, 'parallel')] ?? 'UNSAFE',
    config: json<string[]>(row, 'config', []),
    body: str(row, 'body'),
    comment: optStr(row, 'comment'),
    ...(bool(row, 'sql_standard') ? { sqlStandard: true } : {}),
  };
}

// pg_trigger.tgtype bits (TRIGGER_TYPE_* in catalog/pg_trigger.h).
const ROW = 1 << 0;
const BEFORE = 1 << 1;
const INSERT = 1 << 2;
const DELETE = 1 << 3;
const UPDATE = 1 << 4;
const TRUNCATE = 1 << 5;
const INSTEAD = 1 << 6;

/** Trigger arguments: `tgargs` is each argument followed by a NUL byte; read as hex, decoded as UTF-8. */
export function triggerArguments(hex: string, count: number): string[] {
  const bytes = Buffer.from(hex, 'hex');
  const args: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && args.length < count; i++) {
    if (bytes[i] === 0) {
      args.push(bytes.subarray(start, i).toString('utf8'));
      start = i + 1;
    }
  }
  return args;
}

/** `'it''s'`: how pg_get_triggerdef prints an argument (standard_conforming_strings on). */
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * The WHEN condition, cut out of `pg_get_triggerdef`: there is no function that deparses `tgqual`
 * alone. The text ends with ` EXECUTE FUNCTION f(args)`, which is rebuilt exactly to find where the
 * condition ends; it starts after the first `FOR EACH ROW WHEN (` (or STATEMENT) past the table.
 */
export function triggerWhen(
  definition: string,
  functionQuoted: string,
  args: readonly string[],
): string | null {
  const tail = `) EXECUTE FUNCTION ${functionQuoted}(${args.map(literal).join(', ')})`;
  const end = definition.endsWith(tail)
    ? definition.length - tail.length
    : definition.lastIndexOf(') EXECUTE FUNCTION ');
  const markers = [' FOR EACH ROW WHEN (', ' FOR EACH STATEMENT WHEN ('];
  let start = -1;
  for (const marker of markers) {
    const at = definition.indexOf(marker);
    if (at >= 0 && (start < 0 || at < start)) start = at + marker.length;
  }
  if (start < 0 || end < start) return null;
  return definition.slice(start, end);
}

export function mapTrigger(row: Row): Trigger {
  const type = num(row, 'type');
  const events: TriggerEvent[] = [];
  if (type & INSERT) events.push('INSERT');
  if (type & UPDATE) events.push('UPDATE');
  if (type & DELETE) events.push('DELETE');
  if (type & TRUNCATE) events.push('TRUNCATE');
  const args = triggerArguments(str(row, 'args_hex'), num(row, 'nargs'));
  const definition = optStr(row, 'definition');
  return {
    schema: str(row, 'schema'),
    table: str(row, 'table'),
    name: str(row, 'name'),
    timing: type & INSTEAD ? 'INSTEAD OF' : type & BEFORE ? 'BEFORE' : 'AFTER',
    events,
    updateColumns: json<string[]>(row, 'update_columns', []),
    level: type & ROW ? 'ROW' : 'STATEMENT',
    when: definition === null ? null : triggerWhen(definition, str(row, 'function_quoted'), args),
    function: { schema: str(row, 'function_schema'), name: str(row, 'function_name') },
    arguments: args,
    constraint: bool(row, 'is_constraint'),
    deferrable: bool(row, 'deferrable'),
    initiallyDeferred: bool(row, 'initially_deferred'),
    comment: optStr(row, 'comment'),
  };
}

export function mapGrant(row: Row): Grant {
  const objectKind = str(row, 'object_kind') as GrantObjectKind;
  const args = optStr(row, 'arguments');
  return {
    objectKind,
    object:
      args === null
        ? { schema: str(row, 'schema'), name: str(row, 'name') }
        : { schema: str(row, 'schema'), name: str(row, 'name'), arguments: args },
    grantee: str(row, 'grantee'),
    privileges: json<string[]>(row, 'privileges', []),
    grantable: bool(row, 'grantable'),
  };
}
