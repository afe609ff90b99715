import { spawnSync } from "node:child_process";
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

// The HTML validity spec runs the W3C Nu HTML Checker (vnu-jar), a Java program.
if (spawnSync("java", ["-version"]).error) {
  console.error(
    [
      "The browser tests check HTML with the Nu HTML Checker, which needs Java, and none was found.",
      "  On Debian or Ubuntu:  sudo apt-get install default-jre-headless",
    ].join("\n"),
  );
  process.exit(1);
}
