import { createRequire } from 'node:module';

// Set to the package's version in the bundled binary (scripts/bundle.mjs), where `../package.json`
// is not beside every chunk; undefined in the modules tsc emits, which read the file.
declare const JUSTSCALE_CLI_VERSION: string | undefined;

/** The CLI's version, from its package.json. */
export const version: string =
  typeof JUSTSCALE_CLI_VERSION === 'string'
    ? JUSTSCALE_CLI_VERSION
    : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
