-- CreateTable
CREATE TABLE "PaymentPracticeReport" (
    "reportId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "filedOn" DATE NOT NULL,
    "company" TEXT NOT NULL,
    "companyNumber" TEXT NOT NULL,
    "averageDaysToPay" DECIMAL(7,2),
    "paidWithin30Days" DECIMAL(5,2),
    "paidIn31To60Days" DECIMAL(5,2),
    "paidAfter60Days" DECIMAL(5,2),
    "notPaidWithinTerms" DECIMAL(5,2),
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentPracticeReport_pkey" PRIMARY KEY ("reportId")
);

-- CreateIndex
CREATE INDEX "PaymentPracticeReport_companyNumber_endDate_idx" ON "PaymentPracticeReport"("companyNumber", "endDate");
