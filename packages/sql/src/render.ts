import type { Column, Constraint, QualifiedName, SequenceOptions } from '@justscale/schema';
import { InvalidSqlFragmentError } from './errors.js';
import { quoteIdent, quoteIdents, quoteQualified, renderType } from './quote.js';
import type { Context } from './statement.js';

/** A decimal integer from the snapshot (sequence bounds are strings): checked, then inlined. */
export function integer(value: string): string {
  if (!/^-?\d+$/.test(value)) throw new InvalidSqlFragmentError('integer', value);
  return value;
}

/** Sequence options as `CREATE SEQUENCE` and identity columns spell them. */
export function sequenceOptions(o: Partial<SequenceOptions>, withType: boolean): string[] {
  return [
    withType && o.type !== undefined ? `AS ${o.type}` : null,
    o.increment !== undefined ? `INCREMENT BY ${integer(o.increment)}` : null,
    o.minValue !== undefined ? `MINVALUE ${integer(o.minValue)}` : null,
    o.maxValue !== undefined ? `MAXVALUE ${integer(o.maxValue)}` : null,
    o.start !== undefined ? `START WITH ${integer(o.start)}` : null,
    o.cache !== undefined ? `CACHE ${integer(o.cache)}` : null,
    o.cycle !== undefined ? (o.cycle ? 'CYCLE' : 'NO CYCLE') : null,
  ].filter((x): x is string => x !== null);
}

export function collate(collation: QualifiedName | null): string {
  return collation === null ? '' : ` COLLATE ${quoteQualified(collation)}`;
}

/** A column definition, as in `CREATE TABLE` and `ADD COLUMN`. */
export function columnDefinition(c: Column, schema: string): string {
  let sql = `${quoteIdent(c.name)} ${renderType(c.type)}${collate(c.collation)}`;
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS (${c.generated}) STORED`;
  if (c.identity !== null) {
    const seq = c.identity.sequence;
    const options = [
      `SEQUENCE NAME ${quoteQualified({ schema, name: seq.name })}`,
      ...sequenceOptions(seq, false),
    ];
    sql += ` GENERATED ${c.identity.generation} AS IDENTITY (${options.join(' ')})`;
  }
  if (c.default !== null) sql += ` DEFAULT ${c.default}`;
  if (c.notNull) sql += ' NOT NULL';
  return sql;
}

function deferrable(c: { deferrable: boolean; initiallyDeferred: boolean }): string {
  if (!c.deferrable) return '';
  return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

function include(columns: readonly string[]): string {
  return columns.length > 0 ? ` INCLUDE (${quoteIdents(columns)})` : '';
}

/** The body of a constraint after `CONSTRAINT name`. */
export function constraintBody(c: Constraint, ctx: Context): string {
  switch (c.kind) {
    case 'primaryKey':
      return `PRIMARY KEY (${quoteIdents(c.columns)})${include(c.include)}${deferrable(c)}`;
    case 'unique':
      if (c.nullsNotDistinct) ctx.requireVersion('UNIQUE NULLS NOT DISTINCT', 150000);
      return `UNIQUE${c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${quoteIdents(c.columns)})${include(c.include)}${deferrable(c)}`;
    case 'check':
      return `CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}`;
    case 'foreignKey': {
      if (c.match === 'PARTIAL')
        throw new InvalidSqlFragmentError('foreign key match (PostgreSQL lacks it)', c.match);
      let sql = `FOREIGN KEY (${quoteIdents(c.columns)}) REFERENCES ${quoteQualified(c.references.table)} (${quoteIdents(c.references.columns)})`;
      if (c.match === 'FULL') sql += ' MATCH FULL';
      if (c.onDelete !== 'NO ACTION' || c.onDeleteColumns !== null) {
        sql += ` ON DELETE ${c.onDelete}`;
        if (c.onDeleteColumns !== null) {
          ctx.requireVersion('ON DELETE SET NULL (columns)', 150000);
          sql += ` (${quoteIdents(c.onDeleteColumns)})`;
        }
      }
      if (c.onUpdate !== 'NO ACTION') sql += ` ON UPDATE ${c.onUpdate}`;
      return sql + deferrable(c);
    }
    case 'exclusion':
      return c.definition + deferrable(c);
    default:
      return assertNever(c);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled node: ${JSON.stringify(value)}`);
}

/** `"name" ON "schema"."table"`, for triggers, policies and constraints. */
export function onTable(name: string, table: QualifiedName): string {
  return `${quoteIdent(name)} ON ${quoteQualified(table)}`;
}

export const ifExists = (yes: boolean): string => (yes ? 'IF EXISTS ' : '');
export const ifNotExists = (yes: boolean): string => (yes ? 'IF NOT EXISTS ' : '');
export const cascade = (yes: boolean): string => (yes ? ' CASCADE' : '');
