SET lock_timeout = '5s';

COMMENT ON COLLATION "public"."bytes" IS 'it''s byte order';

RESET lock_timeout;
