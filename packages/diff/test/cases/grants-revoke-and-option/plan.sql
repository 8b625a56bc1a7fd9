REVOKE GRANT OPTION FOR SELECT ON TABLE "public"."t" FROM "pg_monitor";

REVOKE UPDATE ON TABLE "public"."t" FROM "pg_monitor";

REVOKE DELETE ON TABLE "public"."t" FROM "pg_read_all_stats";
