-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";

-- hazards: access-exclusive-lock
DROP INDEX "public"."ev_2024_k_idx";
