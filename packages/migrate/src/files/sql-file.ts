import { MigrationLoadError } from '../errors.js';

/** A `.sql` migration split into its sections. */
export interface SqlMigrationSource {
  readonly up: string;
  readonly down: string | null;
  readonly transaction: boolean;
}

const marker = /^\s*--\s*(up|down)\s*:?\s*$/i;
const noTransaction = /^\s*--\s*transaction\s*:\s*false\s*$/i;

/**
 * Splits a `.sql` migration into its `-- up` and `-- down` sections. Before the first section only
 * comments and blank lines may appear; a `-- transaction: false` line there opts out of the
 * transaction. A file without an `-- up` section is an error naming the file.
 *
 * @example
 * parseSqlMigration('001.sql', '-- up\nCREATE TABLE t (id int);\n-- down\nDROP TABLE t;\n');
 * // { up: 'CREATE TABLE t (id int);', down: 'DROP TABLE t;', transaction: true }
 */
export function parseSqlMigration(file: string, text: string): SqlMigrationSource {
  const sections: Record<'up' | 'down', string[] | null> = { up: null, down: null };
  let current: string[] | null = null;
  let transaction = true;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = marker.exec(line);
    if (match) {
      const which = match[1]!.toLowerCase() as 'up' | 'down';
      if (sections[which] !== null) {
        throw new MigrationLoadError(file, `it has two "-- ${which}" sections.`);
      }
      current = [];
      sections[which] = current;
      continue;
    }
    if (current !== null) {
      current.push(line);
      continue;
    }
    if (noTransaction.test(line)) {
      transaction = false;
    } else if (line.trim() !== '' && !line.trim().startsWith('--')) {
      throw new MigrationLoadError(
        file,
        'it has SQL before its "-- up" section; put every statement under "-- up" or "-- down".',
      );
    }
  }
  if (sections.up === null) {
    throw new MigrationLoadError(
      file,
      'a .sql migration needs an "-- up" section (and may have a "-- down" one).',
    );
  }
  const down = sections.down === null ? null : sections.down.join('\n').trim();
  return { up: sections.up.join('\n').trim(), down: down === '' ? null : down, transaction };
}
