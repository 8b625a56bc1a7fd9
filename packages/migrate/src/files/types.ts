/** The file system calls the runner makes; inject your own to load migrations from elsewhere. */
export interface MigrationFileSystem {
  /** Names (not paths) of the entries in `directory`. */
  readdir(directory: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
}

/** Imports a migration module (`.ts`, `.mts`, `.js`, `.mjs`) and returns its namespace object. */
export interface MigrationModuleLoader {
  import(path: string): Promise<unknown>;
  /**
   * Optional: told every file about to be imported (in order) before the first `import`, so a
   * loader can load them in one pass. A failure of one file is reported by its `import`.
   */
  prepare?(files: readonly Pick<MigrationFile, 'path' | 'bytes'>[]): Promise<void>;
}

/** A migration file found in the directory, not yet loaded. */
export interface MigrationFile {
  /** The migration's name: the file name without its extension. Recorded in the tracking table. */
  readonly name: string;
  /** The file's path. */
  readonly path: string;
  readonly extension: MigrationExtension;
  /** sha256 of the file's bytes, hex. */
  readonly checksum: string;
  /** The file's bytes, kept so a `.sql` file is parsed from what was checksummed. */
  readonly bytes: Uint8Array;
}

export type MigrationExtension = '.ts' | '.mts' | '.js' | '.mjs' | '.sql';

export const migrationExtensions: readonly MigrationExtension[] = ['.ts', '.mts', '.js', '.mjs', '.sql'];
