import { describe, expect, it } from 'vitest';
import { introspect } from '../src/index.js';
import { HOSTILE, q, useDatabase } from './helpers.js';

const { dot, mixed, unicode } = HOSTILE;
// Roles belong to the cluster, not to the test database: a name unique to this run, dropped at the end.
const role = `intro ${unicode} ${process.pid} ${Date.now()}`;

const ctx = useDatabase(`
  CREATE ROLE ${q(role)};
  CREATE SCHEMA ${q(dot)};
  CREATE TABLE ${q(dot)}.${q(mixed)} (id serial PRIMARY KEY, v text);
  CREATE VIEW ${q(dot)}.v AS SELECT id FROM ${q(dot)}.${q(mixed)};
  CREATE TABLE ${q(dot)}.untouched (id int);
  CREATE FUNCTION ${q(dot)}.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
  CREATE FUNCTION ${q(dot)}.locked() RETURNS int LANGUAGE sql AS 'SELECT 1';
  REVOKE EXECUTE ON FUNCTION ${q(dot)}.locked() FROM PUBLIC;
  GRANT USAGE ON SCHEMA ${q(dot)} TO ${q(role)} WITH GRANT OPTION;
  GRANT SELECT, INSERT ON ${q(dot)}.${q(mixed)} TO ${q(role)};
  -- Column privileges are not part of the model: this one must not show up.
  GRANT UPDATE (v) ON ${q(dot)}.${q(mixed)} TO ${q(role)};
  GRANT DELETE ON ${q(dot)}.${q(mixed)} TO ${q(role)} WITH GRANT OPTION;
  GRANT SELECT ON ${q(dot)}.v TO PUBLIC;
  GRANT USAGE ON SEQUENCE ${q(dot)}.${q(`${mixed}_id_seq`)} TO ${q(role)};
  GRANT EXECUTE ON FUNCTION ${q(dot)}.locked() TO ${q(role)};
  CREATE TABLE public._migrations (id serial);
  GRANT SELECT ON public._migrations TO ${q(role)};
`);

describe('grants', () => {
  it('are not read unless asked for', () => {
    expect(ctx.snapshot.grants).toEqual([]);
  });

  it('reads privileges per object and grantee, leaving the owner out', async () => {
    try {
      const s = await introspect(ctx.db.driver, { privileges: true, schemas: [dot, 'public'] });
      const mine = s.grants.filter((g) => g.object.schema === dot);
      expect(mine).toEqual([
        {
          objectKind: 'function',
          object: { schema: dot, name: 'f', arguments: 'a integer' },
          grantee: 'PUBLIC',
          privileges: ['EXECUTE'],
          grantable: false,
        },
        {
          objectKind: 'function',
          object: { schema: dot, name: 'locked', arguments: '' },
          grantee: role,
          privileges: ['EXECUTE'],
          grantable: false,
        },
        {
          objectKind: 'schema',
          object: { schema: dot, name: dot },
          grantee: role,
          privileges: ['USAGE'],
          grantable: true,
        },
        {
          objectKind: 'sequence',
          object: { schema: dot, name: `${mixed}_id_seq` },
          grantee: role,
          privileges: ['USAGE'],
          grantable: false,
        },
        {
          objectKind: 'table',
          object: { schema: dot, name: mixed },
          grantee: role,
          privileges: ['INSERT', 'SELECT'],
          grantable: false,
        },
        {
          objectKind: 'table',
          object: { schema: dot, name: mixed },
          grantee: role,
          privileges: ['DELETE'],
          grantable: true,
        },
        {
          objectKind: 'table',
          object: { schema: dot, name: 'v' },
          grantee: 'PUBLIC',
          privileges: ['SELECT'],
          grantable: false,
        },
      ]);
      // The migrations table and its sequence are left out of grants too.
      expect(s.grants.some((g) => g.object.name.startsWith('_migrations'))).toBe(false);
    } finally {
      await ctx.db.driver.exec(`DROP OWNED BY ${q(role)}; DROP ROLE ${q(role)};`);
    }
  });
});
