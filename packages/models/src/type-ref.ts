import { builtinType, type TypeRef, userType } from '@justscale/schema';
import type { FieldConfig } from './field.js';

/** The snapshot type of a field: `format_type`'s spelling for built-ins, `{ schema, name }` otherwise. */
export function typeRefOf(config: FieldConfig): TypeRef {
  const p = config.precision === null ? '' : `(${config.precision})`;
  const array = config.array;
  switch (config.kind) {
    case 'uuid':
    case 'text':
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'real':
    case 'boolean':
    case 'date':
    case 'json':
    case 'jsonb':
    case 'bytea':
    case 'inet':
    case 'cidr':
      return builtinType(config.kind, array);
    case 'double':
      return builtinType('double precision', array);
    case 'string':
      return builtinType(
        config.maxLength === null ? 'character varying' : `character varying(${config.maxLength})`,
        array,
      );
    case 'decimal':
      return builtinType(
        config.precision === null ? 'numeric' : `numeric(${config.precision},${config.scale})`,
        array,
      );
    case 'time':
      return builtinType(`time${p} ${config.withTimezone ? 'with' : 'without'} time zone`, array);
    case 'timestamp':
      return builtinType(`timestamp${p} ${config.withTimezone ? 'with' : 'without'} time zone`, array);
    case 'interval':
      return builtinType(`interval${p}`, array);
    case 'enum':
      return userType(config.enum!.schema, config.enum!.name, { array });
    case 'custom': {
      const c = config.custom!;
      if (c.schema === null) return builtinType(c.name + (c.modifiers ?? ''), array);
      return userType(c.schema, c.name, c.modifiers === null ? { array } : { array, modifiers: c.modifiers });
    }
  }
}
