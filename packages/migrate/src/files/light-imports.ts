/** A light entry of a package: its specifier, and the names it exports that the rewrite may take. */
export interface LightEntry {
  readonly entry: string;
  readonly names: readonly string[];
}

/**
 * The packages whose main entry a project's files (migrations, the config) import for a few names,
 * and the light entries of the same package that export them (the same objects: they re-export the
 * same modules). A generated migration imports `defineMigration`, `field` and `sql` from
 * `@justscale/postgres`, whose main entry loads the whole toolkit (the differ, the CLI, every driver,
 * zod: about 340 modules and a quarter of a second); `@justscale/postgres/migration` loads a few.
 */
export const LIGHT_ENTRIES: Readonly<Record<string, readonly LightEntry[]>> = {
  '@justscale/postgres': [
    { entry: '@justscale/postgres/migration', names: ['defineMigration', 'field', 'sql'] },
    { entry: '@justscale/postgres/config', names: ['defineConfig'] },
    {
      entry: '@justscale/postgres/models',
      names: [
        'defineEnum',
        'defineModel',
        'field',
        'insertSchema',
        'ModelError',
        'modelsToSnapshot',
        'renameHintsOf',
        'selectSchema',
        'snapshotToModelsSource',
        'sql',
        'toColumnName',
      ],
    },
  ],
  '@justscale/migrate': [{ entry: '@justscale/migrate/define-migration', names: ['defineMigration'] }],
  '@justscale/models': [{ entry: '@justscale/models/field-builders', names: ['field', 'isSql', 'sql'] }],
  '@justscale/cli': [{ entry: '@justscale/cli/define-config', names: ['defineConfig'] }],
};

// esbuild prints each import on one line: `import { a, b as c } from "spec";`.
const NAMED_IMPORT = /^import \{([^}]*)\} from "([^"]+)";$/gm;

/**
 * Points the imports of esbuild's output at a light entry where every name imported is one the
 * light entry exports: `import { defineMigration } from "@justscale/postgres"` becomes
 * `... from "@justscale/postgres/migration"`. An import of any other name, a default or a namespace
 * import stays as it is. The entry is the same installed package's, so nothing but the loading changes.
 *
 * @example
 * lightenImports('import { defineMigration } from "@justscale/postgres";\n');
 * // 'import { defineMigration } from "@justscale/postgres/migration";\n'
 */
export function lightenImports(code: string): string {
  return code.replace(NAMED_IMPORT, (statement, clause: string, specifier: string) => {
    const names = clause
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0]!)
      .filter((name) => name !== '');
    if (names.length === 0) return statement;
    const light = LIGHT_ENTRIES[specifier]?.find((entry) =>
      names.every((name) => entry.names.includes(name)),
    );
    return light === undefined ? statement : `import {${clause}} from ${JSON.stringify(light.entry)};`;
  });
}
