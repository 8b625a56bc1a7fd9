GRANT EXECUTE ON ROUTINE "public"."f"() TO "pg_monitor";
