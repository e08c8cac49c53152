/**
 * Headless Debian Chromium through playwright-core, as both browser checks use
 * it: the e2e tests against the demo and the package check's separate app.
 */
const fs = require("fs")
const path = require("path")
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

/**
 * For a test file: launches Chromium before its tests, then `open(browser)`
 * opens the pages they use; the browser is closed after the tests, also when
 * `open` failed.
 */
function withChromium(open) {
  // required here, not above: the package check uses this file outside node:test
  const { before, after } = require("node:test")
  let browser
  before(async () => {
    browser = await launchChromium()
    await open(browser)
  })
  after(async () => {
    await browser?.close()
  })
}

/** Signs in to the demo's admin; the first visit compiles the admin, so it may take a while. */
async function signInToAdmin(page, { base, email, password }) {
  await page.goto(`${base}/app/login`, { timeout: 180_000 })
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole("button", { name: /continue/i }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 120_000 })
}

/** A desktop-sized tab signed in to the demo's admin, waiting up to a minute for what it looks for. */
async function openAdmin(browser, { base, email, password }) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.setDefaultTimeout(60_000)
  await signInToAdmin(page, { base, email, password })
  return page
}

/** Saves the whole page as `<name>.png` in `folder`, made if need be. */
async function screenshotTo(folder, page, name) {
  fs.mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true })
}

module.exports = { launchChromium, withChromium, signInToAdmin, openAdmin, screenshotTo }
