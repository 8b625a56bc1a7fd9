SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
CREATE RULE "a""b" AS ON DELETE TO "Mixed Case"."a.b" DO INSTEAD  DELETE FROM "Mixed Case"."a""b"
  WHERE "a""b".id = old.id;

COMMENT ON RULE "a""b" ON "Mixed Case"."a.b" IS 'deletes through';

-- hazards: access-exclusive-lock
CREATE RULE "ünïcödé" AS ON INSERT TO "Mixed Case"."a.b" DO INSTEAD  INSERT INTO "Mixed Case"."a""b" (id, "select")
  VALUES (new.id, new."select");

RESET lock_timeout;
