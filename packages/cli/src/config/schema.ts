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

/** One line per problem: `migrations.table: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.length === 0 ? '(config)' : issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.join(', ');
        const where = issue.path.length === 0 ? '' : ` in ${key}`;
        return `  unknown key${issue.keys.length === 1 ? '' : 's'}${where}: ${keys}`;
      }
      return `  ${key}: ${issue.message}`;
    })
    .join('\n');
}
