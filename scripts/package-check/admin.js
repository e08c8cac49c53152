/**
 * The browser half of `npm run test:package`: in headless Debian Chromium
 * (playwright-core, as e2e/admin.test.js), signs in to the separate app's
 * built admin and looks for the plugin's page and order widget.
 */
const fs = require("fs")
const path = require("path")
const { launchChromium } = require("../../e2e/chromium")

/**
 * Runs the steps in order and records each through `check`. A step needs the
 * ones before it (signed in, then on a page), so after a failure the rest are
 * recorded as failed without waiting for their timeouts.
 */
async function checkAdminInBrowser({ base, email, password, orderId, artifacts, check }) {
  fs.mkdirSync(artifacts, { recursive: true })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      // `medusa start` (NODE_ENV=production) sets its session cookie only on
      // HTTPS requests, as behind a shop's TLS proxy; this header is what such a proxy adds
      extraHTTPHeaders: { "x-forwarded-proto": "https" },
    })
    page.setDefaultTimeout(30_000)
    const screenshot = (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })

    const steps = [
      ["the admin user signs in to the app's admin", () => signIn(page, base, email, password)],
      ["the sidebar has Post-purchase", () => page.getByRole("link", { name: "Post-purchase" }).waitFor()],
      [
        "the Post-purchase page lists the flows",
        async () => {
          await page.getByRole("link", { name: "Post-purchase" }).click()
          await page.waitForURL(/\/app\/post-purchase/)
          await page.getByTestId("pp-flows").waitFor()
          await page.getByTestId("pp-flow-order-confirmation").waitFor()
          await page.getByTestId("pp-flow-thank-you").waitFor()
          await screenshot("post-purchase-page")
        },
      ],
      [
        "the order's page shows its follow-ups in the widget",
        async () => {
          await page.goto(`${base}/app/orders/${orderId}`)
          const widget = page.getByTestId("pp-order-followups")
          await widget.waitFor()
          await page.getByTestId("pp-followup-order-confirmation").waitFor()
          await widget.scrollIntoViewIfNeeded()
          await screenshot("order-followups-widget")
          return `order confirmation: ${await page.getByTestId("pp-followup-order-confirmation-status").innerText()}`
        },
      ],
    ]

    let failed = null
    for (const [name, step] of steps) {
      if (failed) {
        check(name, false, `not reached: "${failed}" failed`)
        continue
      }
      try {
        check(name, true, (await step()) || "")
      } catch (e) {
        failed = name
        check(name, false, `${String(e.message).split("\n")[0]} (screenshot: failure.png)`)
        await screenshot("failure").catch(() => {})
      }
    }
  } finally {
    await browser.close()
  }
}

/** Signs in through the login form; the dashboard then asks who is signed in, which must succeed. */
async function signIn(page, base, email, password) {
  await page.goto(`${base}/app/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  const me = page.waitForResponse((response) => new URL(response.url()).pathname === "/admin/users/me")
  await page.getByRole("button", { name: /continue/i }).click()
  const response = await me
  if (!response.ok()) {
    throw new Error(`GET /admin/users/me answered ${response.status()} after signing in: the session was not kept`)
  }
}

module.exports = { checkAdminInBrowser }
