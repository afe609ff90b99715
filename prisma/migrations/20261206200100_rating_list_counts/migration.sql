-- CreateIndex
CREATE INDEX "SupplyChainMember_contractId_primeId_canRate_idx" ON "SupplyChainMember"("contractId", "primeId", "canRate");
