import type { Operation, QualifiedName } from '@justscale/schema';

function q(name: QualifiedName): string {
  return `${name.schema}.${name.name}`;
}

function isQualified(value: unknown): value is QualifiedName {
  return typeof value === 'object' && value !== null && 'schema' in value && 'name' in value;
}

/**
 * What an operation changes, readable: `table public.posts`, `column public.posts.author_id`,
 * `constraint posts_author_id_fkey on public.posts`, `index public.posts_author_id_idx`.
 */
export function describeOperation(op: Operation): string {
  const o = op as unknown as Record<string, unknown>;
  if (op.kind === 'raw') return 'raw SQL';
  if (op.kind === 'createTable') return `table ${q(op.table)}`;
  if (op.kind === 'createIndex') return `index ${q(op.index)} on ${op.index.schema}.${op.index.table}`;
  if (op.kind === 'createEnum') return `type ${q(op.enum)}`;
  if (op.kind === 'createTrigger')
    return `trigger ${op.trigger.name} on ${op.trigger.schema}.${op.trigger.table}`;
  if (op.kind === 'createRule') return `rule ${op.rule.name} on ${op.rule.schema}.${op.rule.table}`;
  if (op.kind === 'createCollation') return `collation ${q(op.collation)}`;
  if (op.kind === 'addConstraint') return `constraint ${op.constraint.name} on ${q(op.table)}`;
  if (op.kind === 'createPolicy') return `policy ${op.policy.name} on ${q(op.table)}`;
  if (op.kind === 'createSchema') return `schema ${op.schema.name}`;
  if (op.kind === 'createExtension') return `extension ${op.extension.name}`;
  if (op.kind === 'setComment') return `comment on ${op.target.objectKind}`;
  if (isQualified(o.table)) {
    const table = q(o.table);
    if (typeof o.column === 'string') return `column ${table}.${o.column}`;
    if (typeof o.column === 'object' && o.column !== null)
      return `column ${table}.${(o.column as { name: string }).name}`;
    if (typeof o.from === 'string' && op.kind === 'renameColumn') return `column ${table}.${o.from}`;
    if (op.kind.toLowerCase().includes('constraint') && typeof o.name === 'string')
      return `constraint ${o.name} on ${table}`;
    if (op.kind.toLowerCase().includes('trigger') && typeof o.name === 'string')
      return `trigger ${o.name} on ${table}`;
    if (op.kind.toLowerCase().includes('policy') && typeof o.name === 'string')
      return `policy ${o.name} on ${table}`;
    if (op.kind === 'dropRule') return `rule ${op.name} on ${table}`;
    return `table ${table}`;
  }
  for (const key of [
    'index',
    'view',
    'function',
    'type',
    'domain',
    'sequence',
    'partition',
    'collation',
  ] as const) {
    const value = o[key];
    if (isQualified(value))
      return `${key === 'domain' ? 'domain' : key === 'partition' ? 'table' : key} ${q(value)}`;
  }
  if (typeof o.name === 'string') {
    const what = op.kind.replace(/^(create|drop|rename|alter)/, '').toLowerCase();
    return `${what} ${o.name}`;
  }
  return op.kind;
}
