SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP TRIGGER "t_touch" ON "public"."t";

DROP FUNCTION "public"."touch"();

RESET lock_timeout;
