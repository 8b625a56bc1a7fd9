import { MigrationLoadError } from '../errors.js';

/** A `.sql` migration split into its sections. */
export interface SqlMigrationSource {
  readonly up: string;
  readonly down: string | null;
  readonly transaction: boolean;
  /** The file's 1-based line numbers where the `up` and `down` texts begin (errors count from them). */
  readonly upLine: number;
  readonly downLine: number | null;
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
 * // { up: 'CREATE TABLE t (id int);', down: 'DROP TABLE t;', transaction: true, upLine: 2, downLine: 4 }
 */
export function parseSqlMigration(file: string, text: string): SqlMigrationSource {
  const sections: Record<'up' | 'down', string[] | null> = { up: null, down: null };
  // The line each section's marker is on.
  const markers: Record<'up' | 'down', number> = { up: 0, down: 0 };
  let current: string[] | null = null;
  let transaction = true;
  for (const [index, line] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    const match = marker.exec(line);
    if (match) {
      const which = match[1]!.toLowerCase() as 'up' | 'down';
      if (sections[which] !== null) {
        throw new MigrationLoadError(file, `it has two "-- ${which}" sections.`, { line: index + 1 });
      }
      current = [];
      sections[which] = current;
      markers[which] = index + 1;
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
        { line: index + 1 },
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
  return {
    up: sections.up.join('\n').trim(),
    down: down === '' ? null : down,
    transaction,
    upLine: firstTextLine(sections.up, markers.up),
    downLine: sections.down === null ? null : firstTextLine(sections.down, markers.down),
  };
}

/** The file line of a section's first non-blank line (its text is trimmed), after its marker's line. */
function firstTextLine(lines: readonly string[], markerLine: number): number {
  const blank = lines.findIndex((line) => line.trim() !== '');
  return markerLine + 1 + (blank === -1 ? 0 : blank);
}
