/**
 * Browser test of the feedback survey, in headless Debian Chromium against
 * the running demo (see run.js): the survey of a delivered order is made due
 * now and the demo's dispatcher sends it; the customer clicks "3" in the
 * email, as a mail client would, adds a comment with HTML in it and sends the
 * form; the thank-you shows it as typed, and the admin's Feedback page shows
 * the NPS, the answer linked to its order and marked as a detractor to follow
 * up.
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium, signInToAdmin } = require("./chromium")
const { sql } = require("./demo")
const { emailPart, waitForEmail } = require("./mailbox")

const BASE = process.env.PP_E2E_BASE
// a dot folder: `medusa develop` restarts on any other new file in the project
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
// the demo's customer whose order was shipped and delivered, with consent to marketing
const BUYER = "carla@example.com"
const COMMENT = "<b>Arrived</b> late & the box was <script>alert(1)</script> crushed"

let browser

withChromium(async (launched) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  browser = launched
})

test("a customer answers the survey from the email on a phone, and the admin sees a detractor to follow up", async () => {
  // the survey is due three days after the delivery: make it due now, as if those days had passed
  const { rows } = await sql(
    `UPDATE pp_followup SET send_at = now() WHERE flow = 'feedback-survey' AND email = $1 AND status = 'scheduled' RETURNING order_id`,
    [BUYER]
  )
  assert.equal(rows.length, 1, "the delivered order has its survey scheduled")
  const orderId = rows[0].order_id
  const survey = await waitForEmail((email) => email.data.flow === "feedback-survey" && email.data.order_id === orderId, {
    seconds: 60,
  })
  const html = emailPart(survey, "html")
  const links = [...html.matchAll(/<a\b[^>]*\bdata-score="(\d+)"[^>]*>/g)].map(([tag, score]) => ({
    score: Number(score),
    href: /href="([^"]+)"/.exec(tag)[1].replace(/&amp;/g, "&"),
  }))
  assert.deepEqual(
    links.map((link) => link.score),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  )

  // the 3, opened as from the email on a phone: no login, no key, and nothing recorded yet
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
  phone.setDefaultTimeout(30_000)
  await phone.goto(links[3].href)
  await phone.getByRole("heading", { name: "Your feedback" }).waitFor()
  assert.equal(await phone.locator('input[name="score"]:checked').inputValue(), "3")
  const { scrollWidth, width } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }))
  assert.ok(scrollWidth <= width, `the page scrolls sideways: ${scrollWidth} px on a ${width} px screen`)
  assert.equal((await sql(`SELECT count(*)::int AS n FROM pp_survey_answer WHERE order_id = $1`, [orderId])).rows[0].n, 0)
  await phone.screenshot({ path: path.join(ARTIFACTS, "feedback-form.png"), fullPage: true })

  await phone.getByLabel("Anything you’d like to tell us? (optional)").fill(COMMENT)
  await phone.getByLabel("What could we do better? (optional)").fill("Pack it better")
  await phone.getByTestId("feedback-submit").click()
  await phone.getByRole("heading", { name: "Thank you for your feedback" }).waitFor()
  assert.equal(await phone.getByTestId("feedback-comment").innerText(), COMMENT)
  assert.equal(await phone.locator("main script, main b").count(), 0, "the comment's HTML is shown as text, never run")
  await phone.screenshot({ path: path.join(ARTIFACTS, "feedback-done.png"), fullPage: true })
  const stored = await sql(`SELECT score, comment, improvement FROM pp_survey_answer WHERE order_id = $1 AND deleted_at IS NULL`, [orderId])
  assert.deepEqual(stored.rows, [{ score: 3, comment: COMMENT, improvement: "Pack it better" }])
  await phone.close()

  // the admin's Feedback page, under Post-purchase
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.setDefaultTimeout(60_000)
  await signInToAdmin(page, { base: BASE, email: process.env.PP_E2E_EMAIL, password: process.env.PP_E2E_PASSWORD })
  await page.goto(`${BASE}/app/post-purchase/feedback`)
  await page.getByRole("heading", { name: "Customer feedback" }).waitFor()
  await page.getByTestId("pp-feedback-nps").waitFor()
  assert.equal(await page.getByTestId("pp-feedback-nps-score").innerText(), "−100")
  assert.match(await page.getByTestId("pp-feedback-detractors").innerText(), /Detractors \(0–6\)\s*1\s*100%/)
  const row = page.getByTestId(`pp-feedback-answer-${orderId}`)
  assert.equal(await row.getByTestId("pp-feedback-category").innerText(), "Detractor — follow up")
  assert.equal(await row.getByTestId("pp-feedback-comment").innerText(), COMMENT)
  const orderLink = row.getByRole("link", { name: /^Order #\d+$/ })
  assert.equal(await orderLink.getAttribute("href"), `/app/orders/${orderId}`)
  await page.screenshot({ path: path.join(ARTIFACTS, "feedback-admin.png"), fullPage: true })

  // a period before the answer has none
  await page.getByTestId("pp-feedback-period").click()
  await page.getByRole("option", { name: "From – to" }).click()
  await page.getByLabel("From", { exact: true }).fill("2020-01-01")
  await page.getByLabel("To", { exact: true }).fill("2020-01-31")
  await page.getByText("No answers in this period.").waitFor()
  assert.equal(await page.getByTestId("pp-feedback-nps-score").innerText(), "–")

  // back to the last 30 days, and on to the order
  await page.getByTestId("pp-feedback-period").click()
  await page.getByRole("option", { name: "Last 30 days" }).click()
  await page.getByTestId(`pp-feedback-answer-${orderId}`).getByRole("link").click()
  await page.waitForURL((url) => url.pathname === `/app/orders/${orderId}`)
  await page.close()
})
