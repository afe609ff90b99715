import { createCommissioner, createPrime } from "@/tests/support/factories";
import { budget } from "./support/budget";
import { councilsNotice, importFile } from "./support/notices";
import { expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, signInAs } from "./support/world";

/**
 * A supplier an import ties by its name only to a prime already on Chainwise is offered to the
 * council on the import's page (issue 14; docs/decisions/0028), and "the same organisation" makes
 * the two one.
 */
test("a council confirms that a supplier found by its name is the prime it already has", async ({
  page,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 4, axe: 1 }));
  // Real organisations, signed in: a demo one and a real one are never merged (ADR 0027).
  const tag = Date.now().toString(36);
  const council = await createCommissioner(db, `Likely ${tag} Council`);
  const byHand = await createPrime(db, `Likely ${tag} Digital`);
  const { file } = await councilsNotice(council.name, (text) =>
    text
      .replaceAll("Dales Digital Inclusion Ltd", `Likely ${tag} Digital Ltd`)
      .replaceAll("GB-CFS-318842", `GB-CFS-9${tag.length}${Date.now() % 1e8}`),
  );
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url, { organisation: council }), url);
  await importFile(page, file);
  const toDecide = page.getByRole("list", { name: "To decide" });
  await expect(toDecide).toContainText(`Likely ${tag} Digital Ltd, a prime on`);
  await expect(toDecide).toContainText(`may be Likely ${tag} Digital.`);
  await expectNoAxeViolations(page);

  await toDecide.getByRole("button", { name: /^The same organisation/ }).click();
  await expect(page.getByRole("status")).toContainText(
    "Merged: the supplier and the organisation already on Chainwise are one now.",
  );
  await expect(page.getByRole("list", { name: "Decided" })).toContainText(
    `Likely ${tag} Digital Ltd is Likely ${tag} Digital: merged.`,
  );
  const contract = await db.contract.findFirstOrThrow({
    where: { commissionerId: council.id },
    select: { id: true },
  });
  expect(await db.contractPrime.count({ where: { contractId: contract.id, primeId: byHand.id } })).toBe(1);
});
