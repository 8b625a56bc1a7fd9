import { defineConfig } from '@justscale/cli';

// No database: the CLI uses embedded PostgreSQL (PGlite) in .justscale/pglite and says so.
// Set DATABASE_URL (or pass --database-url) to run the example against a server instead.
export default defineConfig({
  migrations: { directory: './migrations', table: '_migrations', importFrom: '@justscale/migrate' },
  models: './src/models.ts',
  schemas: ['public'],
});
