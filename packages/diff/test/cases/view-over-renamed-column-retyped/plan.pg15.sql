-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" RENAME COLUMN "title" TO "name";

DROP VIEW "public"."open_tasks";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" ALTER COLUMN "name" TYPE character varying(300);

CREATE VIEW "public"."open_tasks" AS SELECT tasks.id,
    tasks.name AS title
   FROM public.tasks;
