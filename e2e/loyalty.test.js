/**
 * Browser test of the loyalty admin: on the Loyalty settings page (under
 * Post-purchase) an admin switches the programme on and changes the EUR earn
 * rate, which a reload shows kept; a bad rate is refused at its input. On the
 * demo customer's page the admin adjusts her points with a required reason
 * and sees the history line. Headless Debian Chromium against the running
 * demo (see run.js); the programme is put back as it was afterwards.
 */
const { test, before, after } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium, openAdmin, screenshotTo } = require("./chromium")
const demo = require("./demo")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
const DEMO_STATE = path.join(__dirname, "..", ".data", "demo-store.json")
const SETTINGS = "/admin/post-purchase/loyalty/settings"

let page
let token
let original

withChromium(async (browser) => {
  page = await openAdmin(browser, { base: BASE, email: EMAIL, password: PASSWORD })
})

before(async () => {
  token = await demo.adminToken()
  original = (await api(SETTINGS)).settings
})

after(async () => {
  // the other browser tests, and a rerun of this one, start from the demo's programme
  if (original) await api(SETTINGS, { body: original })
})

const screenshot = (name) => screenshotTo(ARTIFACTS, page, name)

/** The demo's API as its admin: a GET, or a POST with `body`. */
const api = (urlPath, { body } = {}) => demo.api(urlPath, { token, body })

test("an admin switches the loyalty programme on and changes the EUR earn rate; a reload shows it kept, and a bad rate is refused at its input", async () => {
  // from the demo's programme, switched off, whatever EUR earned before
  await api(SETTINGS, { body: { ...original, enabled: false } })
  const eur = original.earn_rates.findIndex((rate) => rate.currency_code === "eur")
  assert.ok(eur >= 0, `the demo's programme has an EUR earn rate: ${JSON.stringify(original.earn_rates)}`)
  const rate = page.getByTestId(`pp-loyalty-earn-rates-${eur}-points-per-unit`)
  const rateError = page.getByTestId(`pp-loyalty-earn-rates-${eur}-points-per-unit-error`)
  const enabled = page.getByTestId("pp-loyalty-enabled")
  const newRate = original.earn_rates[eur].points_per_unit === 3 ? "4" : "3"

  // under Post-purchase in the sidebar
  await page.goto(`${BASE}/app/post-purchase`)
  await page.getByRole("link", { name: "Loyalty", exact: true }).click()
  await page.waitForURL(/\/app\/post-purchase\/loyalty/)
  await rate.waitFor()
  assert.equal(await enabled.getAttribute("aria-checked"), "false")
  assert.equal(await page.getByTestId(`pp-loyalty-earn-rates-${eur}-currency-code`).inputValue(), "eur")

  await enabled.click()
  await rate.fill(newRate)
  assert.equal(await page.getByTestId("pp-loyalty-status").innerText(), "You have unsaved changes.")
  await screenshot("loyalty-settings-edited")
  await page.getByTestId("pp-loyalty-save").click()
  await page.getByText("Loyalty programme saved", { exact: true }).waitFor()
  await page.getByText("All changes saved.", { exact: true }).waitFor()

  const saved = (await api(SETTINGS)).settings
  assert.equal(saved.enabled, true)
  assert.equal(saved.earn_rates[eur].points_per_unit, Number(newRate))
  assert.deepEqual({ ...saved, enabled: original.enabled, earn_rates: original.earn_rates }, original, "nothing else changed")

  await page.reload()
  await rate.waitFor()
  assert.equal(await rate.inputValue(), newRate)
  assert.equal(await enabled.getAttribute("aria-checked"), "true")
  assert.match(await page.getByTestId("pp-loyalty-saved").innerText(), /^Saved .+ by /)

  // 0 points per euro: the API's message, at that input; nothing is saved
  await rate.fill("0")
  await page.getByTestId("pp-loyalty-save").click()
  await rateError.waitFor()
  assert.equal(await rateError.innerText(), "Must be more than 0")
  assert.equal(await rate.getAttribute("aria-invalid"), "true")
  await page.getByText("Could not save the loyalty programme", { exact: true }).waitFor()
  assert.equal(await page.getByTestId("pp-loyalty-status").innerText(), "1 field needs attention.")
  await rate.scrollIntoViewIfNeeded()
  await screenshot("loyalty-settings-refused")
  assert.equal((await api(SETTINGS)).settings.earn_rates[eur].points_per_unit, Number(newRate))
  // typing clears the message
  await rate.fill(newRate)
  await rateError.waitFor({ state: "detached" })
})

test("an admin adjusts the demo customer's points with a required reason and sees the line in her history", async () => {
  const { customer } = JSON.parse(fs.readFileSync(DEMO_STATE, "utf8"))
  const loyaltyUrl = `/admin/post-purchase/customers/${customer.id}/loyalty`
  const { account: before, count } = await api(loyaltyUrl)

  await page.goto(`${BASE}/app/customers/${customer.id}`)
  const widget = page.getByTestId("pp-customer-loyalty")
  await widget.waitFor()
  await page.getByTestId("pp-customer-loyalty-available").waitFor()
  assert.equal(await page.getByTestId("pp-customer-loyalty-available").innerText(), before.available.toLocaleString("en-US"))
  await widget.scrollIntoViewIfNeeded()

  await page.getByTestId("pp-loyalty-adjust-open").click()
  await page.getByTestId("pp-loyalty-adjust-form").waitFor()
  await page.getByTestId("pp-loyalty-adjust-points").fill("25")
  // no reason: refused at the reason, and nothing is recorded
  await page.getByTestId("pp-loyalty-adjust-submit").click()
  const reasonError = page.getByTestId("pp-loyalty-adjust-reason-error")
  await reasonError.waitFor()
  assert.match(await reasonError.innerText(), /reason/i)
  await screenshot("loyalty-adjust-refused")
  const unchanged = await api(loyaltyUrl)
  assert.deepEqual([unchanged.count, unchanged.account], [count, before])

  const reason = "Goodwill: her parcel arrived two weeks late"
  await page.getByTestId("pp-loyalty-adjust-reason").fill(reason)
  await reasonError.waitFor({ state: "detached" })
  await page.getByTestId("pp-loyalty-adjust-submit").click()
  await page.getByText("25 points given", { exact: true }).waitFor()
  await page.getByTestId("pp-loyalty-adjust-form").waitFor({ state: "detached" })

  const after = await api(loyaltyUrl)
  const [line] = after.entries
  assert.deepEqual([line.type, line.points, line.reason], ["adjust", 25, reason])
  assert.match(line.created_by, /^user:/)
  assert.equal(after.account.available, before.available + 25)
  assert.equal(after.account.lifetime, before.lifetime + 25)

  await page.getByTestId(`pp-loyalty-entry-${line.id}-points`).waitFor()
  assert.equal(await page.getByTestId(`pp-loyalty-entry-${line.id}-points`).innerText(), "+25")
  assert.equal(await page.getByTestId(`pp-loyalty-entry-${line.id}-reason`).innerText(), reason)
  assert.equal(await page.getByTestId(`pp-loyalty-entry-${line.id}-type`).innerText(), "Adjusted")
  assert.match(await page.getByTestId(`pp-loyalty-entry-${line.id}-by`).innerText(), /^by \S/)
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="pp-customer-loyalty-available"]')?.textContent === expected,
    after.account.available.toLocaleString("en-US")
  )
  await widget.scrollIntoViewIfNeeded()
  await screenshot("loyalty-customer-adjusted")
})
