-- A survey the coordinator closed before its date (services/cycles.ts closeSurveyEarly): new replies stop at once,
-- but the extensions granted before keep their links open until their own dates; the cycle closes for good after
-- the last of them (status CLOSED, closedAt).
ALTER TABLE "SurveyCycle" ADD COLUMN "closedEarlyAt" TIMESTAMP(3);
