CREATE SCHEMA "s1";

CREATE SCHEMA "s2";

CREATE TABLE "s1"."parent" (
  "id" integer NOT NULL,
  CONSTRAINT "parent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "s2"."child" (
  "p" integer
);

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "s2"."child" ADD CONSTRAINT "child_p_fkey" FOREIGN KEY ("p") REFERENCES "s1"."parent" ("id");
