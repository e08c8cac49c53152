/**
 * Browser test of the EU withdrawal function, in headless Debian Chromium
 * against the running demo (see run.js): a customer opens the "Withdraw from
 * contract here" link of their order confirmation, as a mail client would,
 * ticks an item, states their name, continues, confirms on the review page,
 * and sees the done page; the demo's database then holds a requested return
 * for the order, and the acknowledgement reaches the mailbox.
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium } = require("./chromium")
const { sql } = require("./demo")
const { emailPart, waitForEmail } = require("./mailbox")

// a dot folder: `medusa develop` restarts on any other new file in the project
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
// the demo's customer whose order was shipped and delivered
const BUYER = "carla@example.com"

let page

withChromium(async (browser) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  // a phone, as most customers open their email
  page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  page.setDefaultTimeout(30_000)
})

async function screenshot(name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Nothing on the page is wider than the phone. */
async function assertFitsWidth() {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }))
  assert.ok(scrollWidth <= width, `the page scrolls sideways: ${scrollWidth} px on a ${width} px screen`)
}

test("a customer withdraws from their order with the link in the confirmation, in two steps, and a return is requested", async () => {
  const confirmation = await waitForEmail((email) => email.data.flow === "order-confirmation" && email.to === BUYER)
  const orderId = confirmation.data.order_id
  const html = emailPart(confirmation, "html")
  const anchor = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes('data-link="withdrawal"'))
  assert.ok(anchor, "the confirmation carries the withdrawal link")
  const link = /href="([^"]+)"/.exec(anchor)[1].replace(/&amp;/g, "&")
  assert.match(html, /Withdraw from contract here<\/a>/)
  const before = await sql(`SELECT count(*)::int AS n FROM "return" WHERE order_id = $1 AND deleted_at IS NULL`, [orderId])

  // the link, opened as from the email: no login, no key
  await page.goto(link)
  await page.getByRole("heading", { name: "Withdraw from contract here" }).waitFor()
  await assertFitsWidth()
  await screenshot("withdrawal-form")
  const items = page.getByRole("checkbox")
  assert.ok((await items.count()) >= 1, "the order's items can be ticked")
  await items.first().check()
  await page.getByLabel("Your name").fill("Carla Jansen")
  assert.equal(await page.getByLabel("Your email address").inputValue(), BUYER)
  await page.getByRole("button", { name: "Continue" }).click()

  // the review: nothing is withdrawn before the separate confirmation
  await page.getByRole("heading", { name: "Check your withdrawal" }).waitFor()
  assert.match(await page.getByTestId("withdraw-review-items").innerText(), /^1 × /)
  await screenshot("withdrawal-review")
  const reviewed = await sql(`SELECT count(*)::int AS n FROM "return" WHERE order_id = $1 AND deleted_at IS NULL`, [orderId])
  assert.equal(reviewed.rows[0].n, before.rows[0].n)
  await page.getByRole("button", { name: "Confirm withdrawal" }).click()

  await page.getByRole("heading", { name: "Your withdrawal is confirmed" }).waitFor()
  assert.match(await page.locator("main").innerText(), new RegExp(`An acknowledgement is on its way to ${BUYER.replace(".", "\\.")}`))
  await assertFitsWidth()
  await screenshot("withdrawal-done")

  // a Medusa return request, where the admin handles returns, and the shop's record of the withdrawal
  const { rows: returns } = await sql(
    `SELECT r.id, r.status, count(ri.id)::int AS items FROM "return" r JOIN return_item ri ON ri.return_id = r.id AND ri.deleted_at IS NULL
     WHERE r.order_id = $1 AND r.deleted_at IS NULL GROUP BY r.id, r.status ORDER BY r.created_at DESC`,
    [orderId]
  )
  assert.equal(returns.length, before.rows[0].n + 1)
  assert.equal(returns[0].status, "requested")
  assert.equal(returns[0].items, 1)
  const { rows: withdrawals } = await sql(`SELECT name, channel, return_id FROM pp_withdrawal WHERE order_id = $1 AND deleted_at IS NULL`, [orderId])
  assert.deepEqual(withdrawals, [{ name: "Carla Jansen", channel: "email_link", return_id: returns[0].id }])

  // the demo's dispatcher sends the acknowledgement within seconds
  const acknowledgement = await waitForEmail((email) => email.data.flow === "withdrawal-confirmation" && email.data.order_id === orderId)
  assert.equal(acknowledgement.to, BUYER)
  const text = emailPart(acknowledgement, "txt")
  assert.match(text, /We received your withdrawal on .+\d{1,2}:\d{2}/)
})
