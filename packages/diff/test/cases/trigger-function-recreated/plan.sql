-- hazards: access-exclusive-lock
DROP TRIGGER "t_touch" ON "public"."t";

-- hazards: blocks-writes
CREATE TRIGGER "t_touch" BEFORE UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."touch"('x');
