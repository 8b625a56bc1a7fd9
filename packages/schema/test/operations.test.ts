import {
  addColumn,
  addEnumValue,
  builtinType,
  column,
  createTable,
  dropTable,
  HAZARD_KINDS,
  OPERATION_KINDS,
  type Operation,
  type OperationKind,
  raw,
  table,
} from '@justscale/schema';
import { describe, expect, it } from 'vitest';

const users = { schema: 'public', name: 'users' };

describe('operation nodes', () => {
  it('are frozen, snapshot pieces included', () => {
    const op = createTable(table({ ...users, columns: [{ name: 'id', type: builtinType('integer') }] }));
    expect(Object.isFrozen(op)).toBe(true);
    expect(Object.isFrozen(op.table.columns[0])).toBe(true);
    expect(() => {
      (op as { ifNotExists: boolean }).ifNotExists = true;
    }).toThrow(TypeError);
  });

  it('fill drop options explicitly', () => {
    expect(dropTable(users)).toEqual({ kind: 'dropTable', table: users, ifExists: false, cascade: false });
    expect(dropTable(users, { cascade: true }).cascade).toBe(true);
  });

  it('carry the column definition', () => {
    const c = column({ name: 'age', type: builtinType('integer') });
    expect(addColumn(users, c).column).toBe(c);
  });

  it('place an enum value before or after, never both', () => {
    const t = { schema: 'public', name: 'status' };
    expect(addEnumValue(t, 'x', { after: 'a' }).position).toEqual({ after: 'a' });
    expect(addEnumValue(t, 'x').position).toBeNull();
    expect(() => addEnumValue(t, 'x', { before: 'a', after: 'b' })).toThrow(TypeError);
  });

  it('raw SQL is a node with declared hazards', () => {
    const op: Operation = raw('SELECT 1', { transactional: false });
    const kind: OperationKind = op.kind;
    expect(kind).toBe('raw');
    expect(op).toMatchObject({ transactional: false, hazards: [] });
    expect(HAZARD_KINDS).toContain('deletes-data');
  });

  it('lists every kind once', () => {
    expect(new Set(OPERATION_KINDS).size).toBe(OPERATION_KINDS.length);
    expect(OPERATION_KINDS).toContain('createTable');
    expect(OPERATION_KINDS).toContain('raw');
    expect(Object.isFrozen(OPERATION_KINDS)).toBe(true);
  });
});
