SET lock_timeout = '5s';

GRANT EXECUTE ON ROUTINE "public"."f"() TO "pg_monitor";

RESET lock_timeout;
