/**
 * Browser tests of the returns-policy admin: the widget on the store's
 * settings page, its drawer with the live preview and the checks as you
 * type, the history, and the order's return deadline. Headless Debian
 * Chromium against the running demo (see run.js).
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium, openAdmin, screenshotTo } = require("./chromium")
const { adminToken, api } = require("./demo")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
// what the demo seeded: the publishable key, region, variants and shipping option a checkout needs
const DEMO_STATE = path.join(__dirname, "..", ".data", "demo-store.json")

const WINDOW_DAYS = 45

let page

withChromium(async (browser) => {
  page = await openAdmin(browser, { base: BASE, email: EMAIL, password: PASSWORD })
})

const screenshot = (name) => screenshotTo(ARTIFACTS, page, name)

/** A shopper's checkout through the Store API, delivered to Amsterdam. */
async function placeOrder(store) {
  const key = store.publishable_key
  const address = { first_name: "Dana", last_name: "de Vries", address_1: "Prinsengracht 263", city: "Amsterdam", postal_code: "1016 GV", country_code: "nl" }
  const { cart } = await api("/store/carts", {
    key,
    body: { region_id: store.region_id, email: "dana@example.com", items: [{ variant_id: store.variants[0].id, quantity: 1 }], locale: "en-GB" },
  })
  await api(`/store/carts/${cart.id}`, { key, body: { shipping_address: address, billing_address: address } })
  await api(`/store/carts/${cart.id}/shipping-methods`, { key, body: { option_id: store.shipping_option_id } })
  const { payment_collection } = await api("/store/payment-collections", { key, body: { cart_id: cart.id } })
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { key, body: { provider_id: "pp_system_default" } })
  const completed = await api(`/store/carts/${cart.id}/complete`, { key, body: {} })
  assert.equal(completed.type, "order", JSON.stringify(completed.error ?? completed))
  return completed.order
}

/** The admin fulfills the order, ships it, and marks it delivered. */
async function deliver(token, order) {
  const items = order.items.map((item) => ({ id: item.id, quantity: item.quantity }))
  await api(`/admin/orders/${order.id}/fulfillments`, { token, body: { items } })
  const {
    order: { fulfillments },
  } = await api(`/admin/orders/${order.id}?fields=id,*fulfillments`, { token })
  const fulfillment = fulfillments.at(-1)
  await api(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/shipments`, { token, body: { items } })
  await api(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/mark-as-delivered`, { token, body: {} })
}

const previewFrame = () => page.frameLocator('[data-testid="pp-policy-preview-frame"]')

test("an admin edits the returns policy on the store page: the preview follows, a bad URL is refused on its field, and the save is the newest version", async () => {
  const token = await adminToken()
  const before = (await api("/admin/post-purchase/return-policy/versions", { token })).versions
  const next = (before[0]?.version ?? 0) + 1

  await page.goto(`${BASE}/app/settings`)
  await page.getByRole("link", { name: "Store", exact: true }).first().click()
  await page.waitForURL(/\/app\/settings\/store/)
  const widget = page.getByTestId("pp-return-policy")
  await widget.waitFor()
  if (before.length === 0) {
    await page.getByTestId("pp-return-policy-none").getByText("No returns policy yet").waitFor()
    await screenshot("return-policy-none")
    await page.getByTestId("pp-return-policy-setup").click()
  } else {
    await page.getByTestId("pp-return-policy-edit").click()
  }
  await page.getByTestId("pp-policy-form").waitFor()
  await previewFrame().locator('[data-block="returns-policy"]').waitFor()

  // the preview follows the window as it is typed, before anything is saved
  const windowField = page.getByTestId("pp-policy-window")
  await windowField.fill(String(WINDOW_DAYS))
  await previewFrame().getByText(`You can return items within ${WINDOW_DAYS} days of delivery.`).waitFor()
  // and in the customer's language
  await page.getByTestId("pp-policy-preview-language").click()
  await page.getByRole("option", { name: "Nederlands" }).click()
  await previewFrame().getByText(`Je kunt artikelen binnen ${WINDOW_DAYS} dagen na levering retourneren.`).waitFor()
  await page.getByTestId("pp-policy-preview-language").click()
  await page.getByRole("option", { name: "English" }).click()
  await previewFrame().getByText(`within ${WINDOW_DAYS} days`).waitFor()

  // the EU's 14 days: the demo's region sells to the Netherlands
  await windowField.fill("10")
  await page.getByTestId("pp-policy-window_days-error").getByText(/Must be at least 14: consumers in the EU may withdraw/).waitFor()
  assert.equal(await page.getByTestId("pp-policy-save").isDisabled(), true, "Save refuses a window under 14 days")
  await windowField.fill(String(WINDOW_DAYS))
  await page.getByTestId("pp-policy-window_days-error").waitFor({ state: "detached" })

  // a plain http URL is refused on its field while typing, and Save refuses it
  const url = page.getByTestId("pp-policy-url")
  await url.fill("http://acme.test/returns")
  await page.getByTestId("pp-policy-policy_url-error").getByText("Must be an https URL like https://shop.example/returns").waitFor()
  assert.equal(await page.getByTestId("pp-policy-save").isDisabled(), true, "Save refuses an http URL")
  // the preview keeps the last good draft meanwhile
  await previewFrame().getByText(`within ${WINDOW_DAYS} days`).waitFor()
  await page.getByTestId("pp-policy-preview-stale").waitFor()
  await screenshot("return-policy-url-error")

  await url.fill("https://acme.test/returns")
  await page.getByTestId("pp-policy-policy_url-error").waitFor({ state: "detached" })
  await previewFrame().getByRole("link", { name: "Read the full policy" }).waitFor()
  assert.equal((await api("/admin/post-purchase/return-policy/versions", { token })).versions.length, before.length, "nothing is saved while typing")
  await screenshot("return-policy-drawer")

  await page.getByTestId("pp-policy-save").click()
  await page.getByText("Returns policy saved", { exact: true }).waitFor()
  await page.getByTestId("pp-policy-form").waitFor({ state: "detached" })

  // the summary and the history show the new version, newest first, with who changed what
  await page.getByTestId(`pp-return-policy-history-v${next}`).waitFor()
  const newest = page.getByTestId("pp-return-policy-history").locator("li").first()
  const line = await newest.innerText()
  const escaped = EMAIL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  assert.match(line, new RegExp(`^v${next} · \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} · ${escaped} · `))
  // what changed, in the admin's words: everything is new in a first version
  const previous = before[0]?.terms
  const changed = !previous
    ? ["created"]
    : [previous.window_days !== WINDOW_DAYS && "window", previous.policy_url !== "https://acme.test/returns" && "policy URL"].filter(Boolean)
  assert.ok(line.endsWith(` · ${changed.join(", ") || "no changes"}`), line)
  assert.equal(await page.getByTestId("pp-return-policy-store-window").innerText(), `${WINDOW_DAYS} days from delivery`)
  assert.equal(await page.getByTestId("pp-return-policy-store-url").innerText(), "https://acme.test/returns")
  await widget.scrollIntoViewIfNeeded()
  await screenshot("return-policy-widget")

  const saved = (await api("/admin/post-purchase/return-policy/versions", { token })).versions[0]
  assert.equal(saved.version, next)
  assert.equal(saved.terms.window_days, WINDOW_DAYS)
  assert.equal(saved.terms.policy_url, "https://acme.test/returns")
})

test("an order's page shows the policy version it was placed under and its return deadline", async () => {
  const token = await adminToken()
  const store = JSON.parse(fs.readFileSync(DEMO_STATE, "utf8"))
  const order = await placeOrder(store)
  const termsOf = async () => (await api(`/admin/post-purchase/orders/${order.id}/return-terms`, { token })).return_terms

  const placed = await termsOf()
  assert.ok(placed.policy, "the order was placed under the policy saved above")
  await page.goto(`${BASE}/app/orders/${order.id}`)
  const line = page.getByTestId("pp-order-return-terms-line")
  await line.waitFor()
  assert.equal(await line.innerText(), `Returns policy v${placed.policy.version} · Return deadline set once the order is delivered`)

  await deliver(token, order)
  const delivered = await termsOf()
  assert.ok(delivered.last_day, "the delivery sets the last day")
  // the day of delivery in Amsterdam, plus the window
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date())
  const expected = new Date(`${today}T12:00:00Z`)
  expected.setUTCDate(expected.getUTCDate() + WINDOW_DAYS)
  assert.equal(delivered.last_day, expected.toISOString().slice(0, 10))
  const inWords = expected.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })

  await page.reload()
  await page.getByTestId("pp-order-return-terms-line").getByText(`Return by ${inWords}`).waitFor()
  assert.equal(await line.innerText(), `Returns policy v${delivered.policy.version} · Return by ${inWords}`)
  await page.getByTestId("pp-order-return-terms").scrollIntoViewIfNeeded()
  await screenshot("order-return-terms")
})

test("an override for a sales channel starts from the store's policy, shows below it, and is removed after a confirmation", async () => {
  const token = await adminToken()
  const { sales_channels, policies } = await api("/admin/post-purchase/return-policy", { token })
  const channel = sales_channels.find((c) => !policies.some((p) => p.scope_id === c.id))
  assert.ok(channel, "the demo has a sales channel without an override")

  await page.goto(`${BASE}/app/settings/store`)
  const storeWindow = await page.getByTestId("pp-return-policy-store-window").innerText()
  await page.getByTestId("pp-return-policy-add-override").click()
  await page.getByTestId("pp-policy-form").waitFor()
  // the store's terms are the starting point, previewed before the scope is chosen
  assert.equal(await page.getByTestId("pp-policy-window").inputValue(), String(WINDOW_DAYS))
  await previewFrame().getByText(`within ${WINDOW_DAYS} days`).waitFor()
  assert.equal(await page.getByTestId("pp-policy-save").isDisabled(), true, "an override needs its sales channel or region")
  await page.getByTestId("pp-policy-scope").click()
  await page.getByRole("option", { name: `Sales channel · ${channel.name}` }).click()

  await page.getByTestId("pp-policy-window").fill("60")
  await previewFrame().getByText("You can return items within 60 days of delivery.").waitFor()
  await page.getByTestId("pp-policy-save").click()
  await page.getByTestId("pp-policy-form").waitFor({ state: "detached" })

  const section = page.getByTestId(`pp-return-policy-override-${channel.id}`)
  await section.waitFor()
  assert.equal(await page.getByTestId(`pp-return-policy-override-${channel.id}-summary-window`).innerText(), "60 days from delivery")
  const [saved] = (await api(`/admin/post-purchase/return-policy/versions?scope_id=${channel.id}`, { token })).versions
  assert.equal(saved.terms.window_days, 60)
  await page.getByTestId(`pp-return-policy-override-${channel.id}-history-v${saved.version}`).getByText(/· created$/).waitFor()
  // the store's own policy is as it was
  assert.equal(await page.getByTestId("pp-return-policy-store-window").innerText(), storeWindow)
  await section.scrollIntoViewIfNeeded()
  await screenshot("return-policy-override")

  await page.getByTestId(`pp-return-policy-override-${channel.id}-remove`).click()
  await page.getByTestId(`pp-return-policy-override-${channel.id}-remove-confirm`).click()
  await section.waitFor({ state: "detached" })
  const after = await api("/admin/post-purchase/return-policy", { token })
  assert.deepEqual(after.policies.map((p) => p.scope), policies.map((p) => p.scope))
})
