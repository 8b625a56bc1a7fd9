import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

const migrationFile = new Set(['.sql', '.ts', '.mts', '.js', '.mjs']);
// `CREATE EXTENSION [IF NOT EXISTS] name` (a quoted name keeps its case, a bare one folds to lower
// case), and the Database API's `createExtension('name'`.
const createSql = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"((?:[^"]|"")+)"|([a-z_][\w$-]*))/gi;
const createApi = /\bcreateExtension\(\s*(['"`])([^'"`]+)\1/g;

/**
 * The extensions the migrations in `directory` create, found in their text: what an embedded
 * PGlite must load when it opens, since it takes extensions only at construction. A name built at
 * run time is not found here; an extension already in the database is found by asking it.
 *
 * @example
 * await extensionsCreatedIn('./migrations'); // ['citext', 'uuid-ossp']
 */
export async function extensionsCreatedIn(directory: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch {
    return []; // no folder yet: the runner reports that itself
  }
  const names = new Set<string>();
  const texts = await Promise.all(
    entries
      .filter((entry) => migrationFile.has(extname(entry)) && !entry.startsWith('.'))
      .map((entry) => readFile(join(directory, entry), 'utf8').catch(() => '')),
  );
  for (const text of texts) {
    for (const match of text.matchAll(createSql)) {
      names.add(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!.toLowerCase());
    }
    for (const match of text.matchAll(createApi)) names.add(match[2]!);
  }
  return [...names].sort();
}
