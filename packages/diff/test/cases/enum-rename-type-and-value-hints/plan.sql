-- hazards: access-exclusive-lock
ALTER TABLE "public"."todo_items" RENAME TO "tasks";

ALTER TYPE "public"."todo_status" RENAME TO "task_status";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" RENAME COLUMN "name" TO "title";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" RENAME CONSTRAINT "todo_items_pkey" TO "tasks_pkey";

ALTER INDEX "public"."todo_items_name_idx" RENAME TO "tasks_title_idx";

ALTER TYPE "public"."task_status" RENAME VALUE 'finished' TO 'done';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."tasks" ALTER COLUMN "status" SET DEFAULT 'open'::public.task_status;
