-- A move that keeps the surveys' dates records the IV 11 breach the coordinator accepted, with the reason.
ALTER TABLE "Deadline" ADD COLUMN "breachAcceptedReason" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "breachAcceptedBy" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "breachAcceptedAt" TIMESTAMP(3);
