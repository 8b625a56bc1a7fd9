COMMENT ON VIEW "public"."v" IS 'visible';

COMMENT ON COLUMN "public"."v"."name" IS 'label';
