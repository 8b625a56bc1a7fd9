import { describe, expect, it } from 'vitest';
import { lightenImports } from '../src/files/light-imports.js';

describe('lightenImports', () => {
  it("points an import of the light entry's names alone at it, aliased or not", () => {
    expect(
      lightenImports('import { defineMigration } from "@justscale/postgres";\nexport default 1;\n'),
    ).toBe('import { defineMigration } from "@justscale/postgres/migration";\nexport default 1;\n');
    expect(lightenImports('import { defineMigration as dm } from "@justscale/migrate";')).toBe(
      'import { defineMigration as dm } from "@justscale/migrate/define-migration";',
    );
    expect(lightenImports('import { defineMigration, field, sql } from "@justscale/postgres";')).toBe(
      'import { defineMigration, field, sql } from "@justscale/postgres/migration";',
    );
    expect(lightenImports('import { defineConfig } from "@justscale/postgres";')).toBe(
      'import { defineConfig } from "@justscale/postgres/config";',
    );
    expect(lightenImports('import { defineModel, field, sql } from "@justscale/postgres";')).toBe(
      'import { defineModel, field, sql } from "@justscale/postgres/models";',
    );
    expect(lightenImports('import { field } from "@justscale/models";')).toBe(
      'import { field } from "@justscale/models/field-builders";',
    );
  });

  it('leaves an import of any other name, a namespace, a default and other packages as they are', () => {
    const kept = [
      'import { defineMigration, diff } from "@justscale/postgres";',
      'import { diff as defineMigration } from "@justscale/postgres";',
      // No one light entry has both.
      'import { defineConfig, defineMigration } from "@justscale/postgres";',
      'import * as js from "@justscale/postgres";',
      'import js from "@justscale/postgres";',
      'import { defineMigration } from "@justscale/postgres-extra";',
      'import { defineMigration } from "./postgres";',
      '  import { defineMigration } from "@justscale/postgres";',
    ];
    for (const line of kept) expect(lightenImports(line)).toBe(line);
  });
});
