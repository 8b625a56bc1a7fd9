import { z } from 'zod';
import { nameProblem } from './names.js';

const name = z.string().superRefine((value, ctx) => {
  const problem = nameProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const database = z.union(
  [
    z
      .string()
      .refine(
        (value) => /^(postgres|postgresql):\/\//.test(value) || value.startsWith('pglite:'),
        'must be a postgres:// or postgresql:// URL, or pglite:<directory>',
      ),
    // postgres.js's `sql` is a function: a client may be either.
    z.custom<object>(
      (value) => (typeof value === 'object' || typeof value === 'function') && value !== null,
      'must be a URL, a Driver or a client',
    ),
  ],
  { error: 'must be a postgres:// URL, pglite:<directory>, a Driver or a client' },
);

const path = z.string().min(1, 'must be a path');

/** The shape of `justscale.config.*`, strict: an unknown key is an error, so a typo is caught. */
export const configSchema = z.strictObject({
  database: database.optional(),
  migrations: z
    .strictObject({
      directory: path.optional(),
      table: name.optional(),
      schema: name.optional(),
      importFrom: z.string().min(1).optional(),
    })
    .optional(),
  models: path.optional(),
  schemas: z.array(name).min(1, 'must list at least one schema').optional(),
  renames: path.optional(),
  fleet: z
    .strictObject({
      targets: z
        .array(z.string().min(1, 'must not be empty'))
        .min(1, 'must list at least one target')
        .optional(),
      query: z.string().min(1, 'must not be empty').optional(),
      database: z.string().min(1, 'must not be empty').optional(),
    })
    .refine((f) => (f.targets === undefined) !== (f.query === undefined), 'give either targets or query')
    .optional(),
});

export type ParsedConfig = z.infer<typeof configSchema>;

/** Keys other tools use (or a reader might guess) for ours, at the top level. */
const ALIASES: Readonly<Record<string, string>> = {
  databaseUrl: 'database',
  databaseURL: 'database',
  url: 'database',
  connectionString: 'database',
  connection: 'database',
  db: 'database',
  migrationsDir: 'migrations: { directory }',
  migrationsDirectory: 'migrations: { directory }',
  migrationsFolder: 'migrations: { directory }',
  migrationsTable: 'migrations: { table }',
  schema: 'schemas',
  model: 'models',
  modelsPath: 'models',
};

/** The known keys at `path` (top level, `migrations`, `fleet`). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const shape = path.length === 0 ? configSchema.shape : null;
  if (shape !== null) return Object.keys(shape);
  if (path[0] === 'migrations') return ['directory', 'table', 'schema', 'importFrom'];
  if (path[0] === 'fleet') return ['targets', 'query', 'database'];
  return [];
}

/** Levenshtein distance, for "did you mean" on a mistyped key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length]!;
}

/** `databaseUrl (did you mean database?)`: an alias we know, or a known key one or two edits away. */
function withSuggestion(key: string, path: readonly PropertyKey[]): string {
  const alias = path.length === 0 ? ALIASES[key] : undefined;
  const close = knownKeys(path).find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
  const suggestion = alias ?? close;
  return suggestion === undefined ? key : `${key} (did you mean ${suggestion}?)`;
}

/** One line per problem: `migrations.table: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.length === 0 ? '(config)' : issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((k) => withSuggestion(k, issue.path)).join(', ');
        const where = issue.path.length === 0 ? '' : ` in ${key}`;
        return `  unknown key${issue.keys.length === 1 ? '' : 's'}${where}: ${keys}`;
      }
      if (key === 'migrations' && issue.code === 'invalid_type') {
        return `  migrations: ${issue.message} (write migrations: { directory: './migrations' })`;
      }
      return `  ${key}: ${issue.message}`;
    })
    .join('\n');
}
