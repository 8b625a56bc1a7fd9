SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP TRIGGER "t_touch" ON "public"."t";

-- hazards: blocks-writes
CREATE TRIGGER "t_touch" BEFORE INSERT OR UPDATE OF "id" ON "public"."t" FOR EACH ROW WHEN ((new.id > 0)) EXECUTE FUNCTION "public"."touch"();

RESET lock_timeout;
