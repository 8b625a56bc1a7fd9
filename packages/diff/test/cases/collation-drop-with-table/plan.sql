-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."person";

DROP COLLATION "public"."ci";
