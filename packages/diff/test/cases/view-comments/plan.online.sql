SET lock_timeout = '5s';

COMMENT ON VIEW "public"."v" IS 'visible';

COMMENT ON COLUMN "public"."v"."name" IS 'label';

RESET lock_timeout;
