import { findChromium } from "./chromium";

if (!findChromium()) {
  console.error(
    [
      "The browser tests need Chromium, and none was found.",
      "  On Debian or Ubuntu:  sudo apt-get install chromium",
      "  Or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.",
    ].join("\n"),
  );
  process.exit(1);
}
