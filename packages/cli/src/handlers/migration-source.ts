/** `20261126010510`: the UTC timestamp migration names start with, so files sort in time order. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A migration name as typed (`add avatar`, `AddAvatar`) made safe for a file name: `add_avatar`. */
export function fileSafeName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** A blank migration: `up` and `down` to fill in. */
export function emptyMigrationSource(importFrom: string): string {
  return `import { defineMigration } from '${importFrom}';

export default defineMigration({
  async up({ db }) {
    // await db.createTable('posts', { ... });
  },
  async down({ db }) {
    // await db.dropTable('posts');
  },
});
`;
}
