-- The lateness footnote of a session's analysis report as staff edited it (services/report-footnote.ts); without a
-- row, the report carries the footnote drafted from the recorded plan.
CREATE TABLE "ReportFootnote" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "editedBy" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportFootnote_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ReportFootnote_sessionId_key" ON "ReportFootnote"("sessionId");

ALTER TABLE "ReportFootnote" ADD CONSTRAINT "ReportFootnote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
