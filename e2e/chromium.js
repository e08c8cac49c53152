/**
 * Headless Debian Chromium through playwright-core, as both browser checks use
 * it: the e2e tests against the demo and the package check's separate app.
 */
const { chromium } = require("playwright-core")

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

module.exports = { launchChromium }
