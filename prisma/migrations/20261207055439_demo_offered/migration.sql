-- Which demo organisations the demo page offers to act for: the seeded story's. A demo council's
-- import now makes demo organisations (docs/decisions/0012), and one framework notice would
-- otherwise put thousands on the page.
ALTER TABLE "Organisation" ADD COLUMN     "demoOffered" BOOLEAN NOT NULL DEFAULT false;

-- Databases seeded before: their demo organisations stay offered, as they were.
UPDATE "Organisation" SET "demoOffered" = true WHERE "demo";
