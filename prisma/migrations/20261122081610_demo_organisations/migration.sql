-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;
