import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendEmail } from "@/lib/email/send";
import { invitationEmail, passwordResetEmail } from "@/lib/email/templates";
import { latestTo, listOutbox } from "@/lib/services/outbox";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

describe.each(testDatabaseKinds())("email to the outbox on %s", (kind) => {
  // The transport is chosen on first send; make sure a developer's shell cannot send real email.
  beforeAll(() => {
    vi.stubEnv("EMAIL_TRANSPORT", "outbox");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const database = useTestDatabase(kind);

  it("stores the message nodemailer built, and returns its Message-ID", async () => {
    const email = invitationEmail({
      primeName: "Castlegate <Employment> & Co",
      contractTitle: "Northmoor Working Well",
      url: "https://chainwise.example.org/invitations/abc?token=t0k3n",
      expiresAt: new Date("2027-03-14T12:00:00Z"),
      privacyUrl: "https://chainwise.example.org/privacy",
      programme: {
        prime: "Castlegate <Employment> & Co",
        commissioner: "Northmoor Council",
        scoreThreshold: 5,
        categoryThreshold: 5,
        closesAt: new Date("2027-03-14T12:00:00Z"),
      },
    });
    const messageId = await sendEmail({ to: "Pat Partner <Pat@Example.ORG>", ...email });

    expect(messageId).toMatch(/^<[^@<>]+@chainwise\.invalid>$/);
    // nodemailer parsed the address out of "Name <address>"; the outbox keeps it in lower case.
    const stored = await latestTo("pat@example.org");
    expect(stored).toMatchObject({
      to: "pat@example.org",
      subject: "Rate how Castlegate <Employment> & Co works with you",
      text: email.text,
      html: email.html,
    });
    expect(stored?.text).toContain("https://chainwise.example.org/invitations/abc?token=t0k3n");
    expect(stored?.html).toContain("Castlegate &lt;Employment&gt; &amp; Co");
    expect(stored?.createdAt).toBeInstanceOf(Date);
  });

  it("stores a message without HTML as text only", async () => {
    await sendEmail({ to: "plain@example.org", subject: "Plain", text: "Just text." });
    expect(await latestTo("plain@example.org")).toMatchObject({
      subject: "Plain",
      text: "Just text.",
      html: null,
    });
  });

  it("lists the outbox newest first, for one recipient when asked", async () => {
    const reset = (n: number) =>
      passwordResetEmail({
        url: `https://chainwise.example.org/reset/${n}`,
        expiresInMinutes: 60,
        privacyUrl: "https://chainwise.example.org/privacy",
      });
    await sendEmail({ to: "alex@example.org", ...reset(1) });
    await sendEmail({ to: "sam@example.org", ...reset(2) });
    await sendEmail({ to: "alex@example.org", ...reset(3) });

    const toAlex = await listOutbox({ to: "ALEX@example.org ", limit: 10 });
    expect(toAlex.map((message) => message.to)).toEqual(["alex@example.org", "alex@example.org"]);
    expect(toAlex[0]?.text).toContain("https://chainwise.example.org/reset/3");
    expect(toAlex[1]?.text).toContain("https://chainwise.example.org/reset/1");

    const everyone = await listOutbox({ limit: 10 });
    expect(everyone.map((message) => message.to).slice(0, 3)).toEqual([
      "alex@example.org",
      "sam@example.org",
      "alex@example.org",
    ]);
    expect(everyone.length).toBeGreaterThanOrEqual(3);
    expect(await listOutbox({ limit: 2 })).toHaveLength(2);
    expect(await listOutbox({ to: "nobody@example.org", limit: 10 })).toEqual([]);
    expect(await latestTo("nobody@example.org")).toBeNull();
  });

  it("writes through the app's one client, into this test's own database", async () => {
    await sendEmail({ to: "kim@example.org", subject: "Mine", text: "Only here." });
    expect(await database.client.outboxMessage.count({ where: { to: "kim@example.org" } })).toBe(1);
  });
});
