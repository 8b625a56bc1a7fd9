SET lock_timeout = '5s';

GRANT USAGE ON SCHEMA "public" TO "pg_monitor";

GRANT USAGE ON SEQUENCE "public"."s" TO "pg_monitor";

GRANT INSERT, SELECT ON TABLE "public"."t" TO "pg_monitor";

GRANT SELECT ON TABLE "public"."t" TO "pg_read_all_stats" WITH GRANT OPTION;

RESET lock_timeout;
