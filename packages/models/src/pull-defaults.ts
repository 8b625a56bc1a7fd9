import type { Column, EnumType, TypeRef } from '@justscale/schema';
import { type FieldConfig, type FieldKind, newConfig } from './field.js';
import { defaultLiteral } from './literals.js';

const KINDS: Record<string, FieldKind> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  real: 'real',
  'double precision': 'double',
  boolean: 'boolean',
  date: 'date',
  json: 'json',
  jsonb: 'jsonb',
};

function configOf(t: TypeRef, enums: readonly EnumType[]): FieldConfig | null {
  if (t.schema !== 'pg_catalog') {
    const e = enums.find((x) => x.schema === t.schema && x.name === t.name);
    if (!e || t.modifiers !== null) return null;
    return newConfig('enum', { array: t.array, enum: { kind: 'enum', ...e } });
  }
  const kind = KINDS[t.name];
  if (kind) return newConfig(kind, { array: t.array });
  if (/^character varying(\(\d+\))?$/.test(t.name)) return newConfig('string', { array: t.array });
  if (/^numeric(\(\d+,\d+\))?$/.test(t.name)) return newConfig('decimal', { array: t.array });
  return null;
}

const jsString = (s: string): string =>
  `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;

function jsValue(v: unknown): string {
  if (typeof v === 'string') return jsString(v);
  if (Array.isArray(v)) return `[${v.map(jsValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).map(
      ([k, x]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : jsString(k)}: ${jsValue(x)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(v);
}

/**
 * The default of a pulled column as a JS value (`'active'`, `0`, `true`, `{}`), when the value
 * gives back exactly the same default text; null when it must stay `sql\`...\``.
 */
export function valueDefault(c: Column, enums: readonly EnumType[]): string | null {
  const d = c.default;
  if (d === null) return null;
  const config = configOf(c.type, enums);
  if (config === null) return null;
  const candidates: unknown[] = [];
  if (d === 'true' || d === 'false') candidates.push(d === 'true');
  const bare =
    /^'(-?\d+(?:\.\d+)?)'::(?:integer|bigint|numeric)$/.exec(d)?.[1] ?? (/^\d+(\.\d+)?$/.test(d) ? d : null);
  if (bare !== null) candidates.push(Number(bare), bare);
  const quoted = /^'((?:[^']|'')*)'::[^']+$/s.exec(d);
  if (quoted) {
    const s = quoted[1]!.replaceAll("''", "'");
    if (config.array && s === '{}') candidates.push([]);
    if (config.kind === 'json' || config.kind === 'jsonb') {
      try {
        candidates.push(JSON.parse(s));
      } catch {
        // not JSON: stays SQL
      }
    } else candidates.push(s);
  }
  for (const v of candidates) {
    if (typeof v === 'number' && !Number.isSafeInteger(v) && Number.isInteger(v)) continue;
    try {
      if (defaultLiteral(config, v, '') === d) return jsValue(v);
    } catch {
      // not a value of this type
    }
  }
  return null;
}
