/**
 * What is wrong with a schema or table name given in the config or a flag, or null: PostgreSQL
 * cannot hold an empty name or a NUL character, and truncates a name longer than 63 bytes. No zod
 * here, so that flags are checked without loading it.
 */
export function nameProblem(name: string): string | null {
  if (name === '') return 'must not be empty';
  if (name.includes('\u0000')) return 'must not contain a NUL character';
  if (Buffer.byteLength(name) > 63) return 'must be at most 63 bytes (PostgreSQL truncates longer names)';
  return null;
}
