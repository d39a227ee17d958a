ALTER TYPE "public"."role" ADD VALUE 'moderator' BEFORE 'admin';--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "posts_pinned_at_idx" ON "posts" USING btree ("pinned_at") WHERE "posts"."pinned_at" IS NOT NULL;