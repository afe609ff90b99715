import { describe, expect, it } from "vitest";
import { nonEmpty } from "@/tests/support/non-empty";
import {
  closingReminderEmail,
  DATA_USE_NOTICE,
  type EmailContent,
  escapeHtml,
  invitationEmail,
  passwordResetEmail,
  selfAssessmentInvitationEmail,
  selfAssessmentReminderEmail,
} from "./templates";

const link = "https://chainwise.example.org/invitations/abc?token=x&y=1";
const privacyUrl = "https://chainwise.example.org/privacy";
const hostile = `Evil <script>alert("x")</script> & Sons' Ltd`;

function invitation(overrides: Partial<Parameters<typeof invitationEmail>[0]> = {}) {
  return invitationEmail({
    primeName: "Castlegate Employment Services Ltd",
    contractTitle: "Northmoor Working Well",
    url: link,
    expiresAt: new Date("2027-03-14T12:00:00Z"),
    privacyUrl,
    programme: {
      prime: overrides.primeName ?? "Castlegate Employment Services Ltd",
      commissioner: "Northmoor Council",
      scoreThreshold: 5,
      categoryThreshold: 5,
      closesAt: new Date("2027-03-14T12:00:00Z"),
    },
    ...overrides,
  });
}

function everyEmail(name: string, url = link): EmailContent[] {
  return [
    passwordResetEmail({ url, expiresInMinutes: 60, privacyUrl }),
    invitation({ primeName: name, contractTitle: name, invitedBy: name, url }),
    closingReminderEmail({
      primeName: name,
      contractTitle: name,
      url,
      closesAt: new Date("2027-03-14T00:00:00Z"),
      privacyUrl,
    }),
    selfAssessmentInvitationEmail({
      primeName: name,
      contractTitle: name,
      invitedBy: name,
      url,
      expiresAt: new Date("2027-03-14T12:00:00Z"),
      privacyUrl,
    }),
    selfAssessmentReminderEmail({
      primeName: name,
      contractTitle: name,
      url,
      closesAt: new Date("2027-03-14T00:00:00Z"),
      privacyUrl,
    }),
  ];
}

describe("email templates", () => {
  it("escape every interpolated value in the HTML, and keep the text as written", () => {
    const [, ...withNames] = everyEmail(hostile); // the reset email names nobody
    for (const email of nonEmpty(withNames, "emails naming someone")) {
      expect(email.html).not.toContain("<script>");
      expect(email.html).toContain(
        "Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons&#39; Ltd",
      );
      expect(email.text).toContain(hostile);
    }
  });

  it("put the link in the text on a line of its own, and in the HTML as an escaped href", () => {
    for (const email of nonEmpty(everyEmail("Castlegate"), "emails")) {
      expect(email.text.split("\n")).toContain(link);
      expect(email.html).toContain(`href="https://chainwise.example.org/invitations/abc?token=x&amp;y=1"`);
    }
  });

  it("refuse a link that is not a web address", () => {
    expect(() =>
      passwordResetEmail({ url: "javascript:alert(1)", expiresInMinutes: 60, privacyUrl }),
    ).toThrow(/http:\/\/ or https:\/\//);
    expect(() => invitation({ url: "data:text/html,hi" })).toThrow(/http:\/\/ or https:\/\//);
  });

  it("end with how Chainwise uses the recipient's details and a link to the privacy notice", () => {
    for (const email of nonEmpty(everyEmail("Castlegate"), "emails")) {
      expect(email.text.endsWith(`${DATA_USE_NOTICE}\n\nOur privacy notice:\n${privacyUrl}`)).toBe(true);
      expect(email.html).toContain(DATA_USE_NOTICE);
      expect(email.html).toContain(
        `<a href="${privacyUrl}" style="color: #1d70b8;">Read our privacy notice</a>`,
      );
    }
  });

  it("refuse a privacy link that is not a web address", () => {
    expect(() => invitation({ privacyUrl: "javascript:alert(1)" })).toThrow(/http:\/\/ or https:\/\//);
  });

  it("keep subjects to one line", () => {
    expect(invitation({ primeName: "Castlegate\r\nBcc: someone@example.org" }).subject).toBe(
      "Rate how Castlegate Bcc: someone@example.org works with you",
    );
  });

  it.each([
    [60, "The link works for 1 hour and only once."],
    [120, "The link works for 2 hours and only once."],
    [30, "The link works for 30 minutes and only once."],
    [90, "The link works for 90 minutes and only once."],
  ])("say a reset link lasting %i minutes works for the right time", (minutes, wording) => {
    const email = passwordResetEmail({ url: link, expiresInMinutes: minutes, privacyUrl });
    expect(email.subject).toBe("Reset your Chainwise password");
    expect(email.text).toContain(wording);
    expect(email.html).toContain(wording);
    expect(email.text).toContain("If you did not ask for this, you can ignore this email");
  });

  it("invite a partner to rate its prime, saying when the link expires and who sees its answers", () => {
    const email = invitation({ invitedBy: "Northmoor Combined Authority" });
    expect(email.subject).toBe("Rate how Castlegate Employment Services Ltd works with you");
    expect(email.text).toContain(
      "Northmoor Combined Authority has asked you to rate how Castlegate Employment Services Ltd treats your organisation",
    );
    expect(email.text).toContain("“Northmoor Working Well”");
    expect(email.text).toContain("The link works until 14 March 2027.");
    expect(email.text).toContain(
      "Who will see your answers: Castlegate Employment Services Ltd will never see your answers",
    );
    expect(email.text).toContain("combine the answers of at least 5 partner organisations");
    expect(email.text).toContain("until the round closes on 14 March 2027");
    expect(email.text).not.toContain("at least 3");
    expect(invitation().text).toContain("You have been asked to rate");
  });

  it("remind a partner when ratings close", () => {
    const email = closingReminderEmail({
      primeName: "Castlegate",
      contractTitle: "Northmoor Working Well",
      url: link,
      closesAt: new Date("2027-03-14T00:00:00Z"),
      privacyUrl,
    });
    expect(email.subject).toBe("Ratings of Castlegate close on 14 March 2027");
    expect(email.text).toContain("Answers sent after 14 March 2027 will not count this time.");
    expect(email.html).toContain("<h1");
  });

  it("ask a prime to assess itself, and remind it, without a partner's wording", () => {
    const invite = selfAssessmentInvitationEmail({
      primeName: "Castlegate",
      contractTitle: "Northmoor Working Well",
      url: link,
      expiresAt: new Date("2027-03-14T12:00:00Z"),
      invitedBy: "Northmoor County Council",
      privacyUrl,
    });
    expect(invite.subject).toBe("Assess how Castlegate works with its partners");
    expect(invite.text).toContain("Northmoor County Council has asked you to assess how Castlegate treats");
    expect(invite.text).not.toContain("anonymous");
    const reminder = selfAssessmentReminderEmail({
      primeName: "Castlegate",
      contractTitle: "Northmoor Working Well",
      url: link,
      closesAt: new Date("2027-03-14T00:00:00Z"),
      privacyUrl,
    });
    expect(reminder.subject).toBe("Self-assessments for Northmoor Working Well close on 14 March 2027");
    expect(reminder.text).toContain("Continue your self-assessment");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
