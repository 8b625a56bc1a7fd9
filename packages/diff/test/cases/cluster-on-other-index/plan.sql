ALTER TABLE "public"."t" CLUSTER ON "t_pkey";
