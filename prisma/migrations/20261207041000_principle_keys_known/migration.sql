-- Every row that names a principle names one of the code of practice's five
-- (lib/framework/constants.ts PRINCIPLE_KEYS; issue 19, deliverable 4). A report groups answers,
-- evidence, actions and replies by this key, so a misspelt one would drop out of every report
-- without an error. VerificationEntry already has its own (20261207005656).
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_principle_known"
  CHECK ("principleKey" IN ('risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));

-- An action may be about no one principle.
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_principle_known"
  CHECK ("principleKey" IS NULL
    OR "principleKey" IN ('risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));

ALTER TABLE "PrincipleReply" ADD CONSTRAINT "PrincipleReply_principle_known"
  CHECK ("principleKey" IN ('risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));

ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_principle_known"
  CHECK ("principleKey" IN ('risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));
