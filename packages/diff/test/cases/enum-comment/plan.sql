COMMENT ON TYPE "public"."mood" IS 'how it feels';
