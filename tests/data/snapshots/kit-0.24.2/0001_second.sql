ALTER TABLE "memberships" ADD COLUMN "note" text;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "memberships_team_idx" ON "memberships" USING btree ("team_id");