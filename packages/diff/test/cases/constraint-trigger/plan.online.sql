SET lock_timeout = '5s';

-- hazards: blocks-writes
CREATE CONSTRAINT TRIGGER "t_c" AFTER INSERT ON "public"."t" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "public"."touch"();

RESET lock_timeout;
