/**
 * `defineConfig` without the rest of the toolkit, for `justscale.config.ts`: importing
 * `@justscale/postgres` loads every package of JustScale (the differ, the drivers, zod); this entry
 * loads one small module. The CLI points a config's `import { defineConfig } from '@justscale/postgres'`
 * here by itself.
 *
 * @example
 * import { defineConfig } from '@justscale/postgres/config';
 * export default defineConfig({ database: process.env.DATABASE_URL, models: './src/models.ts' });
 */
export { type DatabaseConfig, defineConfig, type JustscaleConfig } from '@justscale/cli/define-config';
