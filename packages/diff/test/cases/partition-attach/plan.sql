-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."ev" ATTACH PARTITION "public"."ev_2024" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
