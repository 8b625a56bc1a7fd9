import { lit, template } from './literal.js';

/**
 * A piece of generated JavaScript as a tree: the generator builds each Database API call as one,
 * renders it into the migration file, and evaluates the very same tree against a recording
 * Database to check that the call compiles to exactly the planned statements. Source text and the
 * value checked can therefore not drift apart.
 */
export type Src =
  /** A plain value, written by `lit` (strings, numbers, booleans, null, arrays and objects of them). */
  | { readonly kind: 'value'; readonly value: unknown }
  /** `sql\`...\`` from `@justscale/models`. */
  | { readonly kind: 'sql'; readonly text: string }
  /** A name in scope: `db`, `field`, `sql`, the `alterTable` callback's `t`. */
  | { readonly kind: 'ref'; readonly name: string }
  | {
      readonly kind: 'call';
      readonly target: Src;
      readonly method: string;
      readonly args: readonly Src[];
    }
  /** An object literal; `lines` writes one entry per line (a `createTable`'s fields). */
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, Src])[];
      readonly lines: boolean;
    }
  | { readonly kind: 'array'; readonly items: readonly Src[] }
  /** `(param) => body`. */
  | { readonly kind: 'arrow'; readonly param: string; readonly body: Src };

export const value = (v: unknown): Src => ({ kind: 'value', value: v });
export const sqlText = (text: string): Src => ({ kind: 'sql', text });
export const ref = (name: string): Src => ({ kind: 'ref', name });
export const call = (target: Src, method: string, ...args: Src[]): Src => ({
  kind: 'call',
  target,
  method,
  args,
});
export const object = (entries: readonly (readonly [string, Src])[], lines = false): Src => ({
  kind: 'object',
  entries,
  lines,
});
export const array = (items: readonly Src[]): Src => ({ kind: 'array', items });
export const arrow = (param: string, body: Src): Src => ({ kind: 'arrow', param, body });

/** `db.<method>(...args)`. */
export const dbCall = (method: string, ...args: Src[]): Src => call(ref('db'), method, ...args);

/** `, { a: 1 }` as an argument: the options that are set (not false, null or undefined), or none. */
export function options(entries: Record<string, unknown>): Src[] {
  const set = Object.entries(entries).filter(([, v]) => v !== false && v !== null && v !== undefined);
  return set.length === 0 ? [] : [object(set.map(([k, v]) => [k, value(v)] as const))];
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** The JavaScript text of `src`; `indent` is the indentation of the line it starts on. */
export function render(src: Src, indent = ''): string {
  switch (src.kind) {
    case 'value':
      return lit(src.value);
    case 'sql':
      return `sql${template(src.text)}`;
    case 'ref':
      return src.name;
    case 'call':
      return `${render(src.target, indent)}.${src.method}(${src.args.map((a) => render(a, indent)).join(', ')})`;
    case 'object': {
      if (src.entries.length === 0) return '{}';
      const key = (k: string) => (identifier.test(k) ? k : lit(k));
      if (src.lines) {
        const inner = `${indent}  `;
        return `{\n${src.entries.map(([k, v]) => `${inner}${key(k)}: ${render(v, inner)},`).join('\n')}\n${indent}}`;
      }
      return `{ ${src.entries.map(([k, v]) => `${key(k)}: ${render(v, indent)}`).join(', ')} }`;
    }
    case 'array':
      return `[${src.items.map((i) => render(i, indent)).join(', ')}]`;
    case 'arrow':
      return `(${src.param}) => ${render(src.body, indent)}`;
    default:
      return assertNever(src);
  }
}

/** The value `src` evaluates to, with `scope` giving the names it refers to. */
export function evaluate(src: Src, scope: Readonly<Record<string, unknown>>): unknown {
  switch (src.kind) {
    case 'value':
      return structuredClone(src.value);
    case 'sql': {
      const tag = scope.sql as (strings: TemplateStringsArray) => unknown;
      return tag(Object.assign([src.text], { raw: [src.text] }) as unknown as TemplateStringsArray);
    }
    case 'ref': {
      if (!(src.name in scope)) throw new Error(`${src.name} is not in scope`);
      return scope[src.name];
    }
    case 'call': {
      const target = evaluate(src.target, scope) as Record<string, (...args: unknown[]) => unknown>;
      const method = target[src.method];
      if (typeof method !== 'function') throw new Error(`${src.method} is not a method`);
      return method.apply(
        target,
        src.args.map((a) => evaluate(a, scope)),
      );
    }
    case 'object':
      return Object.fromEntries(src.entries.map(([k, v]) => [k, evaluate(v, scope)]));
    case 'array':
      return src.items.map((i) => evaluate(i, scope));
    case 'arrow':
      return (arg: unknown) => evaluate(src.body, { ...scope, [src.param]: arg });
    default:
      return assertNever(src);
  }
}

/** Whether `src` uses `field` or `sql` (the file then imports them). */
export function uses(src: Src, name: string): boolean {
  switch (src.kind) {
    case 'ref':
      return src.name === name;
    case 'sql':
      return name === 'sql';
    case 'call':
      return uses(src.target, name) || src.args.some((a) => uses(a, name));
    case 'object':
      return src.entries.some(([, v]) => uses(v, name));
    case 'array':
      return src.items.some((i) => uses(i, name));
    case 'arrow':
      return uses(src.body, name);
    default:
      return false;
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown source node ${JSON.stringify(value)}`);
}
