-- AlterTable
ALTER TABLE "ActionPlanItem" ADD COLUMN     "agreedAt" TIMESTAMP(3),
ADD COLUMN     "agreedById" TEXT,
ADD COLUMN     "doneAt" TIMESTAMP(3),
ADD COLUMN     "doneById" TEXT;

-- AddForeignKey
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_agreedById_fkey" FOREIGN KEY ("agreedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Who without when means nothing; a done date only on a done action (docs/decisions/0014).
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_agreed_by_has_date" CHECK ("agreedById" IS NULL OR "agreedAt" IS NOT NULL);
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_done_by_has_date" CHECK ("doneById" IS NULL OR "doneAt" IS NOT NULL);
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_done_date_only_when_done" CHECK ("doneAt" IS NULL OR "status" = 'DONE');
