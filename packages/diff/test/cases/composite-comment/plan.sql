COMMENT ON TYPE "public"."pair" IS 'two things';
