-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('REGULAR', 'RECONVENED');

-- CreateEnum
CREATE TYPE "ObligationStatus" AS ENUM ('OPEN', 'MET', 'BREACHED');

-- DropIndex
DROP INDEX "Session_commissionId_number_key";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "kind" "SessionKind" NOT NULL DEFAULT 'REGULAR';

-- AlterTable
ALTER TABLE "Government" ADD COLUMN     "governmentOf" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "contents" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedBy" TEXT,
ADD COLUMN     "reviewComment" TEXT;

-- CreateTable
CREATE TABLE "ReportingObligation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "mandate" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "documentType" TEXT NOT NULL,
    "agendaItem" TEXT NOT NULL,
    "dueRules" TEXT[],
    "ownerUnit" TEXT NOT NULL,
    "ladder" JSONB NOT NULL,
    "watchedBy" TEXT NOT NULL,

    CONSTRAINT "ReportingObligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionObligation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "obligationId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "dueRule" TEXT NOT NULL,
    "status" "ObligationStatus" NOT NULL DEFAULT 'OPEN',
    "metAt" TIMESTAMP(3),
    "breachedAt" TIMESTAMP(3),
    "documentSymbol" TEXT,
    "metBy" TEXT,
    "workflowId" TEXT NOT NULL,

    CONSTRAINT "SessionObligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportOption" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "budgetUsd" DECIMAL(16,2),
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rehearsal" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "holds" BOOLEAN NOT NULL,

    CONSTRAINT "Rehearsal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingObligation_code_key" ON "ReportingObligation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SessionObligation_workflowId_key" ON "SessionObligation"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionObligation_sessionId_obligationId_key" ON "SessionObligation"("sessionId", "obligationId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportOption_sessionId_position_key" ON "ReportOption"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Session_commissionId_number_kind_key" ON "Session"("commissionId", "number", "kind");

-- AddForeignKey
ALTER TABLE "SessionObligation" ADD CONSTRAINT "SessionObligation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionObligation" ADD CONSTRAINT "SessionObligation_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "ReportingObligation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOption" ADD CONSTRAINT "ReportOption_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rehearsal" ADD CONSTRAINT "Rehearsal_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

