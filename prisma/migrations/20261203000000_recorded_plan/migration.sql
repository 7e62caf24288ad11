-- The plan is recorded, not recomputed: an obligation keeps every rule that binds its due date, with the date each
-- gives, as computed when its session was created or last moved.
ALTER TABLE "SessionObligation" ADD COLUMN "appliedRules" JSONB NOT NULL DEFAULT '[]';
