import type { Queryable } from '@justscale/driver';
import { quoteIdent, quoteLiteral } from '@justscale/sql/quote';
import type { Statement } from '../database/executor.js';

/**
 * The statements that empty `schemas` for `fresh({ drop: true })`: each schema is dropped with
 * CASCADE (every object in it, and objects elsewhere that depend on them) and created again with
 * its owner, the privileges granted on it and its comment, so that `public` keeps working as before.
 */
export async function dropSchemaStatements(
  queryable: Queryable,
  schemas: readonly string[],
): Promise<Statement[]> {
  const statements: Statement[] = [];
  for (const schema of schemas) {
    const { rows } = await queryable.query<{ owner: string; current: string; comment: string | null }>(
      `SELECT pg_catalog.pg_get_userbyid(n.nspowner) AS owner, current_user AS current,
  pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_catalog.pg_namespace AS n WHERE n.nspname = $1`,
      [schema],
    );
    const { rows: grants } = await queryable.query<{
      grantee: string | null;
      privilege: string;
      grantable: boolean;
    }>(
      `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee) END AS grantee,
  a.privilege_type AS privilege, a.is_grantable AS grantable
FROM pg_catalog.pg_namespace AS n, pg_catalog.aclexplode(n.nspacl) AS a
WHERE n.nspname = $1 AND a.grantee <> n.nspowner AND a.privilege_type IN ('USAGE', 'CREATE')`,
      [schema],
    );
    const name = quoteIdent(schema);
    statements.push({ sql: `DROP SCHEMA IF EXISTS ${name} CASCADE`, params: [] });
    statements.push({ sql: `CREATE SCHEMA ${name}`, params: [] });
    const owner = rows[0];
    if (owner !== undefined && owner.owner !== owner.current) {
      statements.push({ sql: `ALTER SCHEMA ${name} OWNER TO ${quoteIdent(owner.owner)}`, params: [] });
    }
    for (const grant of grants) {
      const to = grant.grantee === null ? 'PUBLIC' : quoteIdent(grant.grantee);
      const option = grant.grantable ? ' WITH GRANT OPTION' : '';
      statements.push({ sql: `GRANT ${grant.privilege} ON SCHEMA ${name} TO ${to}${option}`, params: [] });
    }
    if (owner?.comment) {
      statements.push({ sql: `COMMENT ON SCHEMA ${name} IS ${quoteLiteral(owner.comment)}`, params: [] });
    }
  }
  return statements;
}
