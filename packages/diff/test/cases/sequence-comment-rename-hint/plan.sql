ALTER SEQUENCE "public"."s1" RENAME TO "s2";

COMMENT ON SEQUENCE "public"."s2" IS 'renamed';
