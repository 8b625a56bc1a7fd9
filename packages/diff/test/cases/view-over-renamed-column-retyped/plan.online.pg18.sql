SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" RENAME COLUMN "title" TO "name";

DROP VIEW "public"."open_tasks";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" ALTER COLUMN "name" TYPE character varying(300);

CREATE VIEW "public"."open_tasks" AS SELECT id,
    name AS title
   FROM public.tasks;

RESET lock_timeout;
