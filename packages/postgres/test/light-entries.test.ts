import * as cliMain from '@justscale/cli';
import * as defineConfigEntry from '@justscale/cli/define-config';
import * as migrateMain from '@justscale/migrate';
import * as defineMigrationEntry from '@justscale/migrate/define-migration';
import * as modelsMain from '@justscale/models';
import * as modelsCore from '@justscale/models/core';
import * as fieldBuilders from '@justscale/models/field-builders';
import { describe, expect, it } from 'vitest';
import { LIGHT_ENTRIES } from '../../migrate/src/files/light-imports.js';
import * as config from '../src/config.js';
import * as main from '../src/index.js';
import * as migration from '../src/migration.js';
import * as models from '../src/models.js';

// Each package's main entry and its light entries, as `justscale` rewrites imports between them.
const mains: Record<string, Record<string, unknown>> = {
  '@justscale/postgres': main,
  '@justscale/migrate': migrateMain,
  '@justscale/models': modelsMain,
  '@justscale/cli': cliMain,
};
const lights: Record<string, Record<string, unknown>> = {
  '@justscale/postgres/migration': migration,
  '@justscale/postgres/config': config,
  '@justscale/postgres/models': models,
  '@justscale/migrate/define-migration': defineMigrationEntry,
  '@justscale/models/field-builders': fieldBuilders,
  '@justscale/cli/define-config': defineConfigEntry,
};

describe('@justscale/models/core, the models without zod', () => {
  it('exports every runtime name of the main entry but the zod schemas, as the very same objects', () => {
    const zodOnly = ['fieldSchema', 'insertSchema', 'selectSchema'];
    expect(Object.keys(modelsCore).sort()).toEqual(
      Object.keys(modelsMain)
        .filter((name) => !zodOnly.includes(name))
        .sort(),
    );
    const full: Record<string, unknown> = { ...modelsMain };
    for (const [name, value] of Object.entries(modelsCore)) expect(value, name).toBe(full[name]);
  });
});

describe('the light entries a project file is pointed at', () => {
  it('export every name the rewrite lists, as the very objects of the main entry', () => {
    expect(Object.keys(mains).sort()).toEqual(Object.keys(LIGHT_ENTRIES).sort());
    for (const [specifier, entries] of Object.entries(LIGHT_ENTRIES)) {
      for (const { entry, names } of entries) {
        expect(Object.keys(lights)).toContain(entry);
        // The list is the entry's whole runtime API: it cannot drift from what the entry exports.
        expect([...names].sort()).toEqual(Object.keys(lights[entry]!).sort());
        for (const name of names) {
          expect(lights[entry]![name], `${entry}: ${name}`).toBeDefined();
          expect(lights[entry]![name], `${entry}: ${name}`).toBe(mains[specifier]![name]);
        }
      }
    }
  });
});
