import type { QualifiedName, Rule } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `CREATE [OR REPLACE] RULE name AS ON event TO table ...` (and its comment). */
export interface CreateRuleOperation {
  readonly kind: 'createRule';
  readonly rule: Rule;
  /** `OR REPLACE`: the rule keeps its name and table, its definition changes in one statement. */
  readonly orReplace: boolean;
}

/** `DROP RULE [IF EXISTS] name ON table [CASCADE]`. */
export interface DropRuleOperation extends DropOptions {
  readonly kind: 'dropRule';
  readonly table: QualifiedName;
  readonly name: string;
}

/** @example createRule(rule, { orReplace: true }) */
export function createRule(rule: Rule, options: { orReplace?: boolean } = {}): CreateRuleOperation {
  return node({ kind: 'createRule', rule, orReplace: options.orReplace ?? false });
}

/** @example dropRule({ schema: 'public', name: 'orders' }, 'orders_no_delete') */
export function dropRule(
  table: QualifiedName,
  name: string,
  options?: Partial<DropOptions>,
): DropRuleOperation {
  return node({
    kind: 'dropRule',
    table: { schema: table.schema, name: table.name },
    name,
    ...dropOptions(options),
  });
}
