import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CliError, usageError } from '../errors.js';
import { importConfigFile } from '../project-module.js';
import type { ParsedConfig } from './schema.js';

/** The names looked for, in order, in the working directory. */
export const configFileNames = [
  'justscale.config.ts',
  'justscale.config.mts',
  'justscale.config.js',
  'justscale.config.mjs',
  'justscale.config.json',
] as const;

export interface LoadedConfig {
  /** The file, or null when there is none. */
  readonly file: string | null;
  readonly config: ParsedConfig;
}

// Looked up synchronously: five names, none there on most runs, each a trip through libuv's thread
// pool when asked asynchronously, on the way to every command's first query.
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * Finds and loads the config: `explicit` (from `--config`) must exist; otherwise the first of
 * `configFileNames` in `cwd`, or an empty config. A module is loaded as migrations are (see
 * `importConfigFile`); the result is validated, and a bad key is a usage error naming the key and why.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  let file: string | null = null;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!isFile(file)) throw usageError(`Config file not found: ${explicit}`, 'CONFIG_NOT_FOUND');
  } else {
    for (const name of configFileNames) {
      if (isFile(resolve(cwd, name))) {
        file = resolve(cwd, name);
        break;
      }
    }
  }
  if (file === null) return { file: null, config: {} };

  let raw: unknown;
  try {
    if (file.endsWith('.json')) {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } else {
      raw = await importConfigFile(file);
    }
  } catch (error) {
    throw new CliError(
      'CONFIG_LOAD_FAILED',
      `Cannot load ${basename(file)}: ${error instanceof Error ? error.message : String(error)}`,
      { exitCode: 2, cause: error, ref: { file } },
    );
  }
  if (typeof raw === 'function') raw = await (raw as () => unknown)();
  const { configSchema, describeIssues } = await import('./schema.js');
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new CliError(
      'CONFIG_INVALID',
      `Invalid config in ${basename(file)}:\n${describeIssues(parsed.error)}`,
      {
        exitCode: 2,
        ref: { file },
      },
    );
  }
  return { file, config: parsed.data };
}
