-- CreateTable
CREATE TABLE "ReminderOnRequest" (
    "cycleId" TEXT NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "lastBy" TEXT NOT NULL,
    "rounds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReminderOnRequest_pkey" PRIMARY KEY ("cycleId")
);
