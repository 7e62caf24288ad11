-- AlterTable
ALTER TABLE "SurveyCycle" ADD COLUMN     "questionnaireId" TEXT,
ADD COLUMN     "selection" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "delegationId" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "reopenReason" TEXT,
ADD COLUMN     "reopenedAt" TIMESTAMP(3),
ADD COLUMN     "reopenedBy" TEXT;

-- CreateTable
CREATE TABLE "QuestionnaireVersion" (
    "id" TEXT NOT NULL,
    "kind" "SurveyKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "QuestionnaireVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "delegateName" TEXT NOT NULL,
    "delegateEmail" TEXT NOT NULL,
    "sectionIds" TEXT[],
    "note" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseVersion" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ResponseStatus" NOT NULL,
    "answers" JSONB NOT NULL,
    "language" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "declineReason" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedBy" TEXT NOT NULL,

    CONSTRAINT "ResponseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireVersion_kind_version_key" ON "QuestionnaireVersion"("kind", "version");

-- CreateIndex
CREATE INDEX "Attachment_cycleId_organisationId_idx" ON "Attachment"("cycleId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResponseVersion_responseId_version_key" ON "ResponseVersion"("responseId", "version");

-- AddForeignKey
ALTER TABLE "SurveyCycle" ADD CONSTRAINT "SurveyCycle_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "QuestionnaireVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseVersion" ADD CONSTRAINT "ResponseVersion_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

