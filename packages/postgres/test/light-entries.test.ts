import * as migrateMain from '@justscale/migrate';
import * as defineMigrationEntry from '@justscale/migrate/define-migration';
import * as modelsMain from '@justscale/models';
import * as fieldBuilders from '@justscale/models/field-builders';
import { describe, expect, it } from 'vitest';
import { LIGHT_ENTRIES } from '../../migrate/src/files/light-imports.js';
import * as main from '../src/index.js';
import * as migration from '../src/migration.js';

// Each package's main entry and its light entry, as `justscale migrate` rewrites between them.
const entries: Record<string, [Record<string, unknown>, Record<string, unknown>]> = {
  '@justscale/postgres': [main, migration],
  '@justscale/migrate': [migrateMain, defineMigrationEntry],
  '@justscale/models': [modelsMain, fieldBuilders],
};

describe('the light entries a migration is pointed at', () => {
  it('export every name the rewrite lists, as the very objects of the main entry', () => {
    expect(Object.keys(entries).sort()).toEqual(Object.keys(LIGHT_ENTRIES).sort());
    for (const [specifier, { names }] of Object.entries(LIGHT_ENTRIES)) {
      const [full, light] = entries[specifier]!;
      for (const name of names) {
        expect(light[name], `${specifier}: ${name}`).toBeDefined();
        expect(light[name], `${specifier}: ${name}`).toBe(full[name]);
      }
    }
  });
});
