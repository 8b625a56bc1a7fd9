import type { Hazard } from '@justscale/schema';
import { hazard } from '@justscale/sql';

/** Hazards the differ adds on top of the compiler's, with their messages. */
export const H = {
  enumOutsideTransaction: (value: string): Hazard =>
    hazard(
      'not-transactional',
      `ALTER TYPE ... ADD VALUE '${value}' is planned outside a transaction so that the value is committed before it is used`,
    ),
  enumRebuild: (name: string, removed: readonly string[]): Hazard =>
    hazard(
      'may-fail-on-existing-data',
      removed.length > 0
        ? `Enum ${name} is rebuilt without ${removed.map((v) => `'${v}'`).join(', ')}: the conversion fails if a row still holds one`
        : `Enum ${name} is rebuilt (values reordered): every column of it is converted`,
    ),
  recreatedColumn: (column: string): Hazard =>
    hazard(
      'deletes-data',
      `Column ${column} is dropped and added again (PostgreSQL cannot alter it in place): its values are lost or recomputed`,
    ),
  lockTimeout: (what: string): Hazard =>
    hazard(
      'access-exclusive-lock',
      `${what} still takes an ACCESS EXCLUSIVE lock in online mode (bounded by lock_timeout)`,
    ),
} as const;
