ALTER TYPE "public"."tagged" ALTER ATTRIBUTE "label" TYPE text COLLATE "pg_catalog"."C";
