COMMENT ON COLLATION "public"."bytes" IS 'it''s byte order';
