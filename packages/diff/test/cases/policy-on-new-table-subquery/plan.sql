CREATE TABLE "public"."doc" (
  "id" integer,
  "owner" text,
  "public" boolean
);

ALTER TABLE "public"."doc" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "m" ON "public"."doc" AS PERMISSIVE FOR ALL TO PUBLIC USING ((EXISTS ( SELECT 1
   FROM public.member
  WHERE (member.u = doc.owner))));
