import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from '@justscale/driver';
import { createDatabase, createMigrationRunner, type Executor } from '@justscale/migrate';
import { field } from '@justscale/models';
import { describe, expect, it } from 'vitest';

// The reference pages cannot fall behind the API: every `field` builder and modifier appears in
// docs/models.md, every Database API method in docs/migrations.md, every runner method in
// docs/runner.md. The lists come from the objects themselves, so a new method is found by itself.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = (name: string) => readFileSync(join(root, 'docs', name), 'utf8');
const mentioned = (text: string, prefix: string, names: readonly string[]) =>
  names.filter((name) => !new RegExp(`${prefix.replace('.', '\\.')}${name}\\b`).test(text));

describe('docs/models.md', () => {
  const models = doc('models.md');

  it('shows every field builder', () => {
    const builders = Object.keys(field);
    expect(builders).toEqual(expect.arrayContaining(['uuid', 'string', 'jsonb', 'enum', 'createdAt']));
    expect(mentioned(models, 'field.', builders)).toEqual([]);
  });

  it('shows every modifier', () => {
    // Public methods of the field classes (`with` is protected: TypeScript's, not JavaScript's).
    const protos = [field.text(), field.string()].map((f) => Object.getPrototypeOf(f) as object);
    const modifiers = [...new Set(protos.flatMap((p) => Object.getOwnPropertyNames(p)))].filter(
      (name) => name !== 'constructor' && name !== 'with',
    );
    expect(modifiers).toEqual(expect.arrayContaining(['optional', 'default', 'references', 'max']));
    expect(mentioned(models, '.', modifiers)).toEqual([]);
  });
});

describe('docs/migrations.md', () => {
  it('shows every method of the Database API', () => {
    // Building the API runs nothing: the executor is only called by the methods.
    const methods = Object.keys(createDatabase({} as Executor));
    expect(methods.length).toBeGreaterThan(30);
    expect(mentioned(doc('migrations.md'), 'db.', methods)).toEqual([]);
  });
});

describe('docs/runner.md', () => {
  it('shows every method of the runner', () => {
    const unused = async () => {
      throw new Error('not connected');
    };
    const driver = { name: 'none', query: unused, exec: unused, transaction: unused, session: unused };
    const stub = { ...driver, serverVersion: unused, close: unused } as unknown as Driver;
    const methods = Object.keys(createMigrationRunner(stub, { directory: './migrations' }));
    expect(methods).toEqual(expect.arrayContaining(['migrate', 'status', 'rollback', 'fresh']));
    expect(mentioned(doc('runner.md'), 'runner.', methods)).toEqual([]);
  });
});
