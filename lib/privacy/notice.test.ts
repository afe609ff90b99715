import { describe, expect, it } from "vitest";
import { type PrivacySettings, personalDataCategories } from "./notice";

const settings: PrivacySettings = {
  draftRetentionMonths: 12,
  emailTransport: "smtp",
  outboxPage: false,
};

const byId = (s: PrivacySettings) => new Map(personalDataCategories(s).map((c) => [c.id, c]));

describe("personalDataCategories", () => {
  it("covers every kind of personal data the database holds, each with why, how long and who sees it", () => {
    const categories = personalDataCategories(settings);
    expect(categories.map((c) => c.id)).toEqual([
      "account",
      "password",
      "sessions",
      "memberships",
      "invitations",
      "join-requests",
      "account-requests",
      "activity",
      "agreed-actions",
      "emails",
      "answers",
      "evidence",
    ]);
    for (const category of categories) {
      expect(category.what && category.why && category.howLong && category.whoSees).toBeTruthy();
    }
    expect(byId(settings).get("sessions")?.what).toMatch(/IP\) address and the browser \(user agent\)/);
  });

  it("states the periods the code uses: sessions, reset links, invitations", () => {
    const categories = byId(settings);
    expect(categories.get("sessions")?.howLong).toContain("7 days after you last used Chainwise");
    expect(categories.get("password")?.howLong).toContain("for 60 minutes");
    expect(categories.get("invitations")?.howLong).toContain("at most 14 days after it was sent");
    expect(categories.get("join-requests")?.howLong).toContain(
      "Until 90 days after an administrator decides",
    );
    expect(categories.get("account-requests")?.howLong).toContain(
      "Until 90 days after the request is decided",
    );
  });

  it("states the configured draft retention", () => {
    expect(byId(settings).get("answers")?.howLong).toContain("nobody has touched for 12 months is deleted");
    expect(byId({ ...settings, draftRetentionMonths: 1 }).get("answers")?.howLong).toContain("for 1 month ");
  });

  it("warns that the outbox shows emails to anyone, and says nothing is kept when email is sent", () => {
    expect(byId({ ...settings, emailTransport: "outbox", outboxPage: true }).get("emails")?.whoSees).toBe(
      "Anyone who can reach this site, at /dev/outbox.",
    );
    expect(byId({ ...settings, emailTransport: "outbox", outboxPage: false }).get("emails")?.whoSees).toBe(
      "Whoever runs this installation, in its database.",
    );
    expect(byId(settings).get("emails")?.howLong).toBe(
      "We pass each email to our email provider to deliver and keep no copy.",
    );
  });
});
