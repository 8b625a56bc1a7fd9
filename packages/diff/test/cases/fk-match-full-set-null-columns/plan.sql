-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."c" ADD CONSTRAINT "c_fk" FOREIGN KEY ("a", "b") REFERENCES "public"."p" ("a", "b") ON DELETE SET NULL ("b");
