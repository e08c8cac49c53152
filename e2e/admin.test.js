/**
 * Browser tests of the admin extensions, in headless Debian Chromium driven by
 * playwright-core, against the running demo (see run.js).
 */
const { test, before, after } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { chromium } = require("playwright-core")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
// a dot folder: `medusa develop` restarts on any other new file in the project
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")

let browser
let page

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  browser = await chromium.launch({
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
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.setDefaultTimeout(60_000)

  // the first visit compiles the admin; give it time
  await page.goto(`${BASE}/app/login`, { timeout: 180_000 })
  await page.locator('input[name="email"]').fill(EMAIL)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.getByRole("button", { name: /continue/i }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 120_000 })
})

after(async () => {
  await browser?.close()
})

async function screenshot(name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

async function apiToken() {
  const response = await fetch(`${BASE}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  return (await response.json()).token
}

test("the Post-purchase page lists the flows and switches one off and on again", async () => {
  await page.getByRole("link", { name: "Post-purchase" }).click()
  await page.waitForURL(/\/app\/post-purchase/)

  const confirmation = page.getByTestId("pp-flow-order-confirmation")
  const thankYou = page.getByTestId("pp-flow-thank-you")
  await confirmation.waitFor()
  assert.match(await confirmation.innerText(), /Order confirmation/)
  assert.match(await thankYou.innerText(), /Thank-you/)

  const switchState = () => page.getByTestId("pp-flow-thank-you-enabled").getAttribute("aria-checked")
  const waitForSwitch = (state) =>
    page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="pp-flow-thank-you-enabled"]')?.getAttribute("aria-checked") === expected,
      state
    )
  const initial = await switchState()
  const toggled = initial === "true" ? "false" : "true"

  await page.getByTestId("pp-flow-thank-you-enabled").click()
  await waitForSwitch(toggled)
  await screenshot("flows-thank-you-toggled")

  // the change is stored: it survives a reload and the API reports it
  await page.reload()
  await page.getByTestId("pp-flow-thank-you-enabled").waitFor()
  assert.equal(await switchState(), toggled)
  const token = await apiToken()
  const flows = await (await fetch(`${BASE}/admin/post-purchase/flows`, { headers: { authorization: `Bearer ${token}` } })).json()
  assert.equal(String(flows.flows.find((f) => f.key === "thank-you").enabled), toggled)

  await page.getByTestId("pp-flow-thank-you-enabled").click()
  await waitForSwitch(initial)
})

test("the preview shows the flow's email rendered with sample data", async () => {
  await page.getByTestId("pp-flow-order-confirmation-preview").click()
  const frame = page.frameLocator('[data-testid="pp-preview-frame"]')
  await frame.locator("body").waitFor()
  assert.match(await frame.locator("body").innerText(), /Acme Outfitters/)
  await screenshot("preview-order-confirmation")
  await page.keyboard.press("Escape")
})

test("an order's page shows its follow-ups in the widget", async () => {
  const token = await apiToken()
  const { orders } = await (
    await fetch(`${BASE}/admin/orders?fields=id,display_id&order=display_id`, { headers: { authorization: `Bearer ${token}` } })
  ).json()
  assert.ok(orders.length > 0, "the demo placed orders")

  await page.goto(`${BASE}/app/orders/${orders[0].id}`)
  const widget = page.getByTestId("pp-order-followups")
  await widget.waitFor()
  await page.getByTestId("pp-followup-order-confirmation").waitFor()
  assert.match(await page.getByTestId("pp-followup-order-confirmation-status").innerText(), /sent/i)
  assert.match(await page.getByTestId("pp-followup-thank-you").innerText(), /Thank-you/)
  await widget.scrollIntoViewIfNeeded()
  await screenshot("order-followups-widget")
})
