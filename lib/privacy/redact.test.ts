import { describe, expect, it } from "vitest";
import { OTHER_ADDRESS, redactOtherAddresses, replaceIgnoringCase } from "./redact";

describe("redactOtherAddresses", () => {
  it("keeps the person's own address and hides everyone else's", () => {
    expect(
      redactOtherAddresses(
        "Invited pat@harbour.example of Harbour Food Bank, then Ola@Riverside.example.",
        "ola@riverside.example",
      ),
    ).toBe(`Invited ${OTHER_ADDRESS} of Harbour Food Bank, then Ola@Riverside.example.`);
    expect(redactOtherAddresses("Sent to kim.o'neil+test@sub.example.org.", "me@example.org")).toBe(
      `Sent to ${OTHER_ADDRESS}.`,
    );
  });

  it("leaves text without addresses alone", () => {
    expect(redactOtherAddresses("Asha Patel signed in", "asha@example.org")).toBe("Asha Patel signed in");
  });
});

describe("replaceIgnoringCase", () => {
  it("replaces every occurrence, whatever its case, treating the needle as plain text", () => {
    expect(replaceIgnoringCase("Pat@X.org wrote to pat@x.org", "pat@x.org", "(removed)")).toBe(
      "(removed) wrote to (removed)",
    );
    expect(replaceIgnoringCase("a.b and axb", "a.b", "_")).toBe("_ and axb");
    expect(replaceIgnoringCase("cost $1", "$1", "[$&]")).toBe("cost [$&]");
    expect(replaceIgnoringCase("unchanged", "", "x")).toBe("unchanged");
  });

  it("replaces whole words only", () => {
    expect(replaceIgnoringCase("Al signed in. Always, al.", "al", "A former member")).toBe(
      "A former member signed in. Always, A former member.",
    );
    expect(replaceIgnoringCase("Zoë Ng and Zoë Ngata", "Zoë Ng", "X")).toBe("X and Zoë Ngata");
  });
});
