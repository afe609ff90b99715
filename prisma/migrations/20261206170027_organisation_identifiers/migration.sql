-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "matchName" TEXT;

-- CreateTable
CREATE TABLE "OrganisationIdentifier" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganisationIdentifier_organisationId_idx" ON "OrganisationIdentifier"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationIdentifier_scheme_value_key" ON "OrganisationIdentifier"("scheme", "value");

-- CreateIndex
CREATE INDEX "Organisation_type_matchName_idx" ON "Organisation"("type", "matchName");

-- AddForeignKey
ALTER TABLE "OrganisationIdentifier" ADD CONSTRAINT "OrganisationIdentifier_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
