import type { Operation } from '@justscale/schema';

const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * A short human name of what an operation does and to which object, for error messages.
 *
 * @example
 * describeOperation(dropView({ schema: 'public', name: 'v' }, { materialized: false })); // 'dropView "public"."v"'
 */
export function describeOperation(op: Operation): string {
  const o = op as unknown as Record<string, unknown>;
  for (const field of [
    'table',
    'view',
    'function',
    'sequence',
    'index',
    'type',
    'enum',
    'domain',
    'trigger',
    'collation',
    'rule',
  ]) {
    const v = o[field] as { schema?: unknown; name?: unknown } | undefined;
    if (v !== undefined && v !== null && typeof v.schema === 'string' && typeof v.name === 'string') {
      const member =
        typeof o.column === 'string' ? `.${q(o.column)}` : typeof o.name === 'string' ? ` ${q(o.name)}` : '';
      return `${op.kind} ${q(v.schema)}.${q(v.name)}${member}`;
    }
  }
  return op.kind;
}
