ALTER TYPE "public"."st" RENAME VALUE 'actve' TO 'active';
