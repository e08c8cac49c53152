/**
 * Browser test of review moderation: the demo's Carla wrote a 5-star review
 * through the link in her review-request email, and it waits as pending. The
 * admin finds it on the Reviews page, cannot reject it without a reason,
 * approves it, and sees it with the product's rating in the product page's
 * widget. Headless Debian Chromium against the running demo (see run.js).
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const path = require("path")
const { withChromium, openAdmin, screenshotTo } = require("./chromium")
const { adminToken, api } = require("./demo")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
const REVIEWER = "carla@example.com"

let page

withChromium(async (browser) => {
  page = await openAdmin(browser, { base: BASE, email: EMAIL, password: PASSWORD })
})

const screenshot = (name) => screenshotTo(ARTIFACTS, page, name)

/** The review as the API has it now, whatever its status. */
const reviewOf = async (token, review) => {
  const { reviews } = await api(`/admin/post-purchase/reviews?product_id=${review.product_id}&limit=100`, { token })
  return reviews.find((r) => r.id === review.id)
}

test("an admin approves Carla's pending 5-star review on the Reviews page, never rejects without a reason, and sees it in the product's widget", async () => {
  const token = await adminToken()
  const { reviews: pending } = await api("/admin/post-purchase/reviews?status=pending&rating=5&limit=100", { token })
  const review = pending.find((r) => r.reviewer_email === REVIEWER)
  assert.ok(review, `the demo left ${REVIEWER}'s 5-star review pending; pending: ${JSON.stringify(pending.map((r) => r.reviewer_email))}`)
  const before = (await api(`/admin/post-purchase/products/${review.product_id}/reviews`, { token })).aggregate

  // the page is under Post-purchase in the sidebar, and opens on the pending reviews
  await page.goto(`${BASE}/app/post-purchase`)
  await page.getByRole("link", { name: "Reviews", exact: true }).click()
  await page.waitForURL(/\/app\/post-purchase\/reviews/)
  const row = page.getByTestId(`pp-review-row-${review.id}`)
  await row.waitFor()
  assert.equal(await page.getByTestId("pp-reviews-status-pending").getAttribute("data-state"), "active")
  assert.equal(await page.getByTestId(`pp-review-row-${review.id}-status`).innerText(), "Pending")
  assert.equal(await page.getByTestId(`pp-review-row-${review.id}-rating`).getAttribute("aria-label"), "5.0 out of 5 stars")
  assert.equal(await page.getByTestId(`pp-review-row-${review.id}-email`).innerText(), REVIEWER)
  if (review.title) {
    assert.equal(await page.getByTestId(`pp-review-row-${review.id}-title`).innerText(), review.title)
  }
  await screenshot("reviews-pending")

  // Reject asks for a reason from the list, and stays disabled until one is chosen
  await page.getByTestId(`pp-review-row-${review.id}-select`).click()
  await page.getByText("1 selected", { exact: true }).waitFor()
  await page.getByRole("button", { name: /^Reject\b/ }).click()
  const dialog = page.getByTestId("pp-review-reject-dialog")
  await dialog.waitFor()
  await dialog.getByText("A low rating or a negative opinion is not a reason to reject.", { exact: false }).waitFor()
  const confirmReject = page.getByTestId("pp-review-reject-confirm")
  assert.equal(await confirmReject.isDisabled(), true, "Reject is disabled until a reason is chosen")
  await page.getByTestId("pp-review-reject-reason-spam_or_advertising").click()
  assert.equal(await confirmReject.isDisabled(), false, "a listed reason enables Reject")
  await screenshot("reviews-reject-reason")
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click()
  await dialog.waitFor({ state: "detached" })
  const untouched = await reviewOf(token, review)
  assert.equal(untouched.status, "pending", "canceling rejects nothing")
  assert.equal(untouched.rejection_reason, null)

  // the selection is still there: approve it
  await page.getByText("1 selected", { exact: true }).waitFor()
  await page.getByRole("button", { name: /^Approve\b/ }).click()
  const prompt = page.getByRole("alertdialog")
  await prompt.getByRole("button", { name: "Approve 1 review", exact: true }).click()
  await prompt.waitFor({ state: "detached" })
  await page.getByText("1 review approved", { exact: true }).waitFor()
  // it leaves the pending reviews, and is among the approved ones
  await row.waitFor({ state: "detached" })
  await page.getByTestId("pp-reviews-status-approved").click()
  await page.waitForURL(/status=approved/)
  await row.waitFor()
  assert.equal(await page.getByTestId(`pp-review-row-${review.id}-status`).innerText(), "Approved")
  await screenshot("reviews-approved")

  const approved = await reviewOf(token, review)
  assert.equal(approved.status, "approved")
  assert.match(approved.moderated_by, /^user:/)

  // the product's widget shows the rating with the review in it, and the review as approved
  const after = (await api(`/admin/post-purchase/products/${review.product_id}/reviews`, { token })).aggregate
  assert.equal(after.count, before.count + 1)
  assert.equal(after.stars["5"], before.stars["5"] + 1)
  await page.goto(`${BASE}/app/products/${review.product_id}`)
  const widget = page.getByTestId("pp-product-reviews")
  await widget.waitFor()
  const average = (Math.round(after.average * 10) / 10).toFixed(1)
  await page.getByTestId("pp-product-reviews-average").getByText(average, { exact: true }).waitFor()
  assert.equal(await page.getByTestId("pp-product-reviews-count").innerText(), after.count === 1 ? "1 review" : `${after.count} reviews`)
  assert.match(await page.getByTestId("pp-product-reviews-bar-5").innerText(), new RegExp(`\\b${after.stars["5"]}$`))
  assert.equal(await page.getByTestId(`pp-product-review-${review.id}-status`).innerText(), "Approved")
  await widget.scrollIntoViewIfNeeded()
  await screenshot("reviews-product-widget")

  // and links to that product's reviews on the Reviews page
  await page.getByTestId("pp-product-reviews-link").click()
  await page.waitForURL((url) => url.pathname.endsWith("/post-purchase/reviews") && url.searchParams.get("product_id") === review.product_id)
  await page.getByTestId(`pp-review-row-${review.id}`).waitFor()
})
