ALTER DOMAIN "public"."d" SET DEFAULT 'x'::text;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER DOMAIN "public"."d" SET NOT NULL;
