-- AlterEnum
ALTER TYPE "ResponseStatus" ADD VALUE 'DECLINED';

-- AlterTable
ALTER TABLE "SurveyCycle" ADD COLUMN     "graceDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reminderDaysBefore" INTEGER[] DEFAULT ARRAY[7]::INTEGER[];

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "extendedBy" TEXT,
ADD COLUMN     "extendedUntil" TIMESTAMP(3),
ADD COLUMN     "extensionReason" TEXT,
ADD COLUMN     "remindersOptedOutAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "replacedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

