-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_a";

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."ev" ATTACH PARTITION "public"."ev_a" FOR VALUES FROM ('2023-01-01') TO ('2025-01-01');
