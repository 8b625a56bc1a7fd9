/**
 * The packages whose main entry a migration file imports for a few names, and the light entry of the
 * same package that exports them (the same objects: it re-exports the same modules). A generated
 * migration imports `defineMigration`, `field` and `sql` from `@justscale/postgres`, whose main entry
 * loads the whole toolkit (the differ, the CLI, every driver, zod: about 340 modules and a quarter of a
 * second); `@justscale/postgres/migration` loads a few.
 */
export const LIGHT_ENTRIES: Readonly<
  Record<string, { readonly entry: string; readonly names: readonly string[] }>
> = {
  '@justscale/postgres': {
    entry: '@justscale/postgres/migration',
    names: ['defineMigration', 'field', 'sql'],
  },
  '@justscale/migrate': { entry: '@justscale/migrate/define-migration', names: ['defineMigration'] },
  '@justscale/models': { entry: '@justscale/models/field-builders', names: ['field', 'isSql', 'sql'] },
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
    const light = LIGHT_ENTRIES[specifier];
    if (light === undefined) return statement;
    const names = clause
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0]!)
      .filter((name) => name !== '');
    if (names.length === 0 || !names.every((name) => light.names.includes(name))) return statement;
    return `import {${clause}} from ${JSON.stringify(light.entry)};`;
  });
}
