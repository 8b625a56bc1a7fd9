ALTER TYPE "public"."pair" ADD ATTRIBUTE "b" text COLLATE "pg_catalog"."C";
