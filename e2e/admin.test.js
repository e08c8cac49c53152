/**
 * Browser tests of the admin extensions, in headless Debian Chromium driven by
 * playwright-core, against the running demo (see run.js).
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium, openAdmin, screenshotTo } = require("./chromium")
const { sql } = require("./demo")
const { countEmails, waitForEmail } = require("./mailbox")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
// a dot folder: `medusa develop` restarts on any other new file in the project
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e")
// what the demo seeded: its customer, among others
const DEMO_STATE = path.join(__dirname, "..", ".data", "demo-store.json")

let page

withChromium(async (browser) => {
  page = await openAdmin(browser, { base: BASE, email: EMAIL, password: PASSWORD })
})

const screenshot = (name) => screenshotTo(ARTIFACTS, page, name)

async function apiToken() {
  const response = await fetch(`${BASE}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  return (await response.json()).token
}

/** Calls the admin API as the demo's admin: a GET, or a POST with `body`. */
async function adminApi(urlPath, { body } = {}) {
  const response = await fetch(`${BASE}${urlPath}`, {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${await apiToken()}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, body: await response.json() }
}

async function allFollowups() {
  const { body } = await adminApi("/admin/post-purchase/followups?limit=100&order=send_at")
  return body.followups
}

const listRows = () => page.locator('[data-testid="pp-followup-list"] tbody tr')

/** Waits until the list shows exactly these follow-ups. */
async function waitForRows(ids) {
  await page.waitForFunction(
    (expected) => {
      const rows = [...document.querySelectorAll('[data-testid="pp-followup-list"] tbody tr')]
      // each row's order cell is marked pp-followup-row-<id>; its checkbox and status add a suffix
      const shown = rows
        .map((row) =>
          [...row.querySelectorAll('[data-testid^="pp-followup-row-"]')]
            .map((el) => el.getAttribute("data-testid"))
            .find((testId) => !/-(select|status)$/.test(testId))
        )
        .filter(Boolean)
      return shown.length === expected.length && expected.every((id) => shown.includes(`pp-followup-row-${id}`))
    },
    ids,
    { timeout: 30_000 }
  )
}

async function waitForStatus(id, label) {
  await page.waitForFunction(
    ([testId, expected]) => document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() === expected,
    [`pp-followup-row-${id}-status`, label],
    { timeout: 30_000 }
  )
}

/** Adds a filter from the list's filter menu and ticks one of its options, as an admin would. */
async function filterBy(filter, option) {
  await page.getByTestId("pp-followup-filter-menu").getByRole("button").click()
  await page.getByRole("menuitem", { name: filter }).click()
  await page.getByRole("dialog").getByRole("button", { name: option }).click()
  await page.keyboard.press("Escape")
}

async function clearFilters() {
  await page.getByTestId("pp-followup-list").getByRole("button", { name: "Clear all" }).click()
}

async function runCommand(label, confirmText) {
  await page.getByRole("button", { name: new RegExp(`^${label}\\b`) }).click()
  const prompt = page.getByRole("alertdialog")
  await prompt.getByRole("button", { name: confirmText }).click()
  await prompt.waitFor({ state: "detached" })
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

test("a marketing flow can count from the delivery instead of the order", async () => {
  const thankYouAnchor = async () =>
    (await adminApi("/admin/post-purchase/flows")).body.flows.find((f) => f.key === "thank-you").anchor
  const chooseAnchor = async (label) => {
    await page.getByTestId("pp-flow-thank-you-anchor").click()
    await page.getByRole("option", { name: label }).click()
    await page.getByTestId("pp-flow-thank-you-save").click()
  }
  const waitForAnchor = async (anchor) => {
    for (let i = 0; i < 50 && (await thankYouAnchor()) !== anchor; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(await thankYouAnchor(), anchor)
  }
  // the receipt has no choice: it always goes out after the order is placed
  assert.equal(await page.getByTestId("pp-flow-order-confirmation-anchor").count(), 0)

  // the demo may leave the thank-you counting from either: go to the other one, then back
  const initial = await thankYouAnchor()
  if (initial === "delivered") {
    await chooseAnchor("after the order is placed")
    await waitForAnchor("placed")
  }
  await chooseAnchor("after delivery")
  await page.getByTestId("pp-flow-thank-you").getByText("after delivery", { exact: false }).first().waitFor()
  assert.equal(await thankYouAnchor(), "delivered")
  await screenshot("flows-thank-you-after-delivery")

  if (initial !== "delivered") {
    await chooseAnchor("after the order is placed")
    await waitForAnchor("placed")
  }
})

test("the preview shows the flow's email rendered with sample data", async () => {
  await page.getByTestId("pp-flow-order-confirmation-preview").click()
  const frame = page.frameLocator('[data-testid="pp-preview-frame"]')
  await frame.locator("body").waitFor()
  assert.match(await frame.locator("body").innerText(), /Acme Outfitters/)
  await screenshot("preview-order-confirmation")

  // the same email in Dutch
  await page.getByTestId("pp-preview-language").click()
  await page.getByRole("option", { name: "Nederlands" }).click()
  await page.getByTestId("pp-preview-subject").getByText("Je bestelling #1001 bij Acme Outfitters is bevestigd").waitFor()
  await frame.getByText("Bedankt voor je bestelling, Anna!").waitFor()
  await screenshot("preview-order-confirmation-nl")
  await page.keyboard.press("Escape")
})

test("an admin edits a subject in Dutch, sees the preview change, saves it, sends a test email and resets it", async () => {
  const flow = "thank-you"
  const copyOf = async () => (await adminApi(`/admin/post-purchase/flows/${flow}/copy?locale=nl-NL`)).body.copy
  const before = await copyOf()
  const next = (before.versions[0]?.version ?? 0) + 1
  const subject = "Dankjewel {{first_name}}!"
  const to = "e2e-copy@example.com"

  await page.goto(`${BASE}/app/post-purchase`)
  await page.getByTestId(`pp-copy-${flow}-open`).click()
  await page.locator('[data-testid="pp-copy-form"][data-language="en"]').waitFor()
  await page.getByTestId("pp-copy-language").click()
  await page.getByRole("option", { name: "Nederlands" }).click()
  await page.locator('[data-testid="pp-copy-form"][data-language="nl"]').waitFor()
  const subjectField = page.getByTestId("pp-copy-field-subject")
  assert.equal(await subjectField.inputValue(), before.fields.subject.text)
  await page.getByTestId("pp-copy-variables").getByText("{{first_name}}").waitFor()

  // an unknown variable is refused on its field while typing, before anything is saved
  const heading = page.getByTestId("pp-copy-field-heading")
  await heading.fill(`${before.fields.heading.text} {{voornaam}}`)
  await page.getByTestId("pp-copy-field-heading-error").getByText(/heading uses the unknown variable \{\{voornaam\}\}/).waitFor()
  await screenshot("copy-editor-unknown-variable")
  await heading.fill(before.fields.heading.text)
  await page.getByTestId("pp-copy-field-heading-error").waitFor({ state: "detached" })

  // the live preview shows the new subject, with the sample customer's name, before it is saved
  await subjectField.fill(subject)
  await page.getByTestId("pp-copy-preview-subject").getByText("Dankjewel Anna!").waitFor()
  await page.frameLocator('[data-testid="pp-copy-preview-frame"]').locator("body").waitFor()
  assert.equal((await copyOf()).versions.length, before.versions.length, "nothing is saved while typing")
  await screenshot("copy-editor-nl-draft")

  await page.getByTestId("pp-copy-save").click()
  await page.getByTestId(`pp-copy-version-${next}`).waitFor()
  const saved = await copyOf()
  assert.equal(saved.versions[0].version, next)
  assert.equal(saved.versions[0].action, "saved")
  assert.deepEqual(saved.versions[0].fields, { subject })
  assert.match(saved.versions[0].created_by, /^user:user_/)
  assert.deepEqual([saved.fields.subject.text, saved.fields.subject.overridden], [subject, true])
  assert.ok(["preview", "heading", "intro", "button"].every((name) => !saved.fields[name].overridden), "only the subject is overridden")
  assert.equal(await page.getByTestId(`pp-copy-version-${next}-by`).innerText(), "Demo Admin")
  await page.getByTestId("pp-copy-field-subject-overridden").waitFor()
  assert.equal(await subjectField.inputValue(), subject)

  // a test email with the saved copy lands in the mailbox
  await page.getByTestId("pp-copy-test-to").fill(to)
  await page.getByTestId("pp-copy-test-send").click()
  await page.getByText("Test email sent", { exact: true }).waitFor()
  const email = await waitForEmail((e) => e.to === to && /\[Test\]/.test(e.subject) && /Dankjewel Anna!/.test(e.subject), { newest: true })
  assert.equal(email.subject, "[Test] Dankjewel Anna!")
  assert.equal(email.data.flow, flow)
  await screenshot("copy-editor-test-sent")

  // reset to default asks first, then the catalog's text is back, as a new version
  await page.getByTestId("pp-copy-reset").click()
  await page.getByTestId("pp-copy-reset-confirm").click()
  await page.getByTestId(`pp-copy-version-${next + 1}`).waitFor()
  const reset = await copyOf()
  assert.equal(reset.versions[0].action, "reset")
  assert.equal(reset.fields.subject.overridden, false)
  assert.equal(await subjectField.inputValue(), reset.fields.subject.default)
  await screenshot("copy-editor-reset")

  // the saved version comes back with Restore, as a new version; then reset again, so the demo is as it was
  await page.getByTestId(`pp-copy-restore-${next}`).click()
  await page.getByTestId(`pp-copy-version-${next + 2}`).waitFor()
  const restored = await copyOf()
  assert.deepEqual([restored.versions[0].action, restored.versions[0].restored_from], ["restored", next])
  assert.deepEqual([restored.fields.subject.text, restored.fields.subject.overridden], [subject, true])
  assert.equal(await subjectField.inputValue(), subject)
  await page.getByTestId("pp-copy-reset").click()
  await page.getByTestId("pp-copy-reset-confirm").click()
  await page.getByTestId(`pp-copy-version-${next + 3}`).waitFor()
  assert.equal((await copyOf()).fields.subject.overridden, false)
  await page.keyboard.press("Escape")
  await page.getByTestId("pp-copy").waitFor({ state: "detached" })
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

test("the Post-purchase page lists the follow-ups of every order", async () => {
  const followups = await allFollowups()
  assert.ok(followups.length >= 4, "the demo placed orders with two follow-ups each")
  // the demo waits for the confirmations, thank-yous and Carla's review request; her review reminder
  // (5 days after the request) and a delivered order's feedback survey (3 days after delivery) come later
  const later = ["review-reminder", "feedback-survey"]
  assert.deepEqual(followups.filter((f) => f.flow === "review-reminder").map((f) => f.status), ["scheduled"])
  assert.ok(
    followups.filter((f) => !later.includes(f.flow)).every((f) => f.status === "sent" || f.status === "skipped"),
    "the demo waited for every follow-up to be sent (or skipped, for want of consent)"
  )

  await page.goto(`${BASE}/app/post-purchase`)
  await page.getByTestId("pp-followup-list").waitFor()
  await waitForRows(followups.map((f) => f.id))
  for (const followup of followups) {
    const order = page.getByTestId(`pp-followup-row-${followup.id}`)
    if (followup.order_id) {
      assert.equal(await order.innerText(), `#${followup.order_display_id}`)
      assert.equal(await order.getByRole("link").getAttribute("href"), `/app/orders/${followup.order_id}`)
    } else {
      // an email about the customer's account (Dana's reward code) links to the customer
      assert.equal(await order.innerText(), "Account")
      assert.equal(await order.getByRole("link").getAttribute("href"), `/app/customers/${followup.customer_id}`)
    }
    assert.equal(
      await page.getByTestId(`pp-followup-row-${followup.id}-status`).innerText(),
      { sent: "Sent", skipped: "Skipped", scheduled: "Scheduled" }[followup.status]
    )
  }
  // nothing failed and nothing is held back: no banner
  assert.equal(await page.getByTestId("pp-delivery-problem").count(), 0)
  assert.equal(await page.getByTestId("pp-failed-hint").count(), 0)
  await page.getByTestId("pp-followup-list").scrollIntoViewIfNeeded()
  await screenshot("followup-list")
})

test("scheduled follow-ups are canceled together and failed ones resent together", async () => {
  const followups = await allFollowups()
  // the orders with both emails: Dana's order, not delivered yet, has no delivery-anchored thank-you
  const thanked = new Set(followups.filter((f) => f.flow === "thank-you").map((f) => f.order_id))
  const failed = followups.filter((f) => f.flow === "order-confirmation" && thanked.has(f.order_id)).map((f) => f.id)
  const scheduled = followups.filter((f) => f.flow === "thank-you").map((f) => f.id)
  // the other follow-ups (Dana's confirmation, sent; Carla's review request, sent; its reminder and her feedback survey, due days later) are listed too and left as they are
  const others = followups.filter((f) => !failed.includes(f.id) && !scheduled.includes(f.id))
  const otherIds = others.map((f) => f.id)
  const waitingOthers = others.filter((f) => f.status === "scheduled").map((f) => f.id)
  const count = failed.length
  assert.ok(count >= 2, "the demo placed two orders or more")
  assert.equal(scheduled.length, count)
  const n = `${count} emails`

  // Fixtures that stand in for SendGrid: the demo sends into the local mailbox, which never
  // refuses an email. The order confirmations become what a SendGrid 400 leaves behind (the
  // follow-up failed with SendGrid's message, its notification failed), and the thank-yous
  // what a revoked API key leaves behind (a SendGrid 401: the follow-up waits for its next
  // try, at most an hour later, and its failed notification is gone).
  await sql(
    `UPDATE pp_followup
        SET status = 'failed', attempts = 1, sent_at = NULL, provider_message_id = NULL, notification_id = NULL,
            last_error = 'SendGrid 400: The from address does not match a verified Sender Identity. (field: from)'
      WHERE id = ANY($1)`,
    [failed]
  )
  await sql(
    `UPDATE notification SET status = 'failure'
      WHERE idempotency_key IN (SELECT idempotency_key FROM pp_followup WHERE id = ANY($1))`,
    [failed]
  )
  await sql(
    `UPDATE pp_followup
        SET status = 'scheduled', attempts = 1, sent_at = NULL, provider_message_id = NULL, notification_id = NULL,
            send_at = now() + interval '1 hour', config_error_since = now() - interval '10 minutes',
            last_error = 'SendGrid 401: The provided authorization grant is invalid, expired, or revoked'
      WHERE id = ANY($1)`,
    [scheduled]
  )
  await sql(
    `DELETE FROM notification WHERE idempotency_key IN (SELECT idempotency_key FROM pp_followup WHERE id = ANY($1))`,
    [scheduled]
  )
  const emailsBefore = countEmails()

  await page.goto(`${BASE}/app/post-purchase`)

  // the banner names the cause in the provider's words, and the hint counts the failed ones
  const problem = page.getByTestId("pp-delivery-problem")
  await problem.waitFor()
  const problemText = await problem.innerText()
  assert.match(problemText, /Emails are not going out: SendGrid 401: The provided authorization grant is invalid, expired, or revoked\./)
  assert.match(problemText, new RegExp(`${n} are waiting and will be retried until .+; check your SendGrid API key and sender\\.`))
  const hint = page.getByTestId("pp-failed-hint")
  await hint.waitFor()
  assert.match(await hint.innerText(), new RegExp(`${n} could not be sent\\.`))
  await waitForRows([...failed, ...scheduled, ...otherIds])
  await screenshot("delivery-problem-banner")

  // a selection a command cannot apply to is explained, not sent
  const resendRequests = []
  const onRequest = (request) => request.url().includes("/followups/resend") && resendRequests.push(request.url())
  page.on("request", onRequest)
  await page.getByTestId(`pp-followup-row-${failed[0]}-select`).click()
  await page.getByTestId(`pp-followup-row-${scheduled[0]}-select`).click()
  await page.getByText("2 selected", { exact: true }).waitFor()
  await page.getByRole("button", { name: /^Resend\b/ }).click()
  await page.getByText("Only failed emails can be resent").waitFor()
  await page.getByText("1 of the 2 selected is scheduled. Unselect it and try again.").waitFor()
  page.off("request", onRequest)
  assert.deepEqual(resendRequests, [])
  await screenshot("followup-list-mixed-selection")

  // the hint links to the failed ones
  await page.getByTestId("pp-failed-hint-link").click()
  await page.waitForURL(/[?&]status=failed\b/)
  await waitForRows(failed)
  await clearFilters()
  await waitForRows([...failed, ...scheduled, ...otherIds])

  // Cancel first: once an email goes out again the dispatcher takes the key as fixed and sends
  // whatever waited on the 401 right away (the resend below would send the thank-yous too).
  // Filter by status Scheduled, select them all, cancel.
  await filterBy("Status", "Scheduled")
  await page.waitForURL(/[?&]status=scheduled\b/)
  await waitForRows([...scheduled, ...waitingOthers])
  for (const id of scheduled) await page.getByTestId(`pp-followup-row-${id}-select`).click()
  await page.getByText(`${count} selected`, { exact: true }).waitFor()
  await runCommand("Cancel", `Cancel ${n}`)
  await page.getByText(`${n} were canceled`).waitFor()
  await clearFilters()
  for (const id of scheduled) await waitForStatus(id, "Canceled")
  // nothing waits on the revoked key any more
  await problem.waitFor({ state: "detached" })
  await screenshot("followup-list-canceled")

  // filter by status Failed, select them all, resend
  await filterBy("Status", "Failed")
  await page.waitForURL(/[?&]status=failed\b/)
  await waitForRows(failed)
  await page.getByTestId("pp-followup-select-page").click()
  await page.getByText(`${count} selected`, { exact: true }).waitFor()
  await screenshot("followup-list-failed-selected")
  await runCommand("Resend", `Resend ${n}`)
  await page.getByText(`${n} will be sent again shortly`).waitFor()
  // they are no longer failed, so they leave the filtered list
  await page.getByText("No follow-ups match these filters").waitFor()

  // the dispatcher sends them on its next tick, into the mailbox
  await clearFilters()
  for (const id of failed) await waitForStatus(id, "Sent")
  assert.equal(countEmails(), emailsBefore + count, "each resent follow-up went out once")
  await page.getByTestId("pp-failed-hint").waitFor({ state: "detached" })
  await screenshot("followup-list-resent")

  const after = await allFollowups()
  assert.deepEqual(
    after.map((f) => [f.id, f.status]).sort(),
    [...failed.map((id) => [id, "sent"]), ...scheduled.map((id) => [id, "canceled"]), ...others.map((f) => [f.id, f.status])].sort()
  )
})

test("the list API answers a bad filter with a 400 that names it", async () => {
  const status = await adminApi("/admin/post-purchase/followups?status=nope")
  assert.equal(status.status, 400)
  assert.match(status.body.message, /status must be one of scheduled, sending, sent, failed, canceled, skipped/)

  const flow = await adminApi("/admin/post-purchase/followups?flow=Thank_You")
  assert.equal(flow.status, 400)
  assert.match(flow.body.message, /flow must be a flow key/)

  const due = await adminApi(`/admin/post-purchase/followups?${encodeURIComponent("send_at[$gte]")}=yesterday`)
  assert.equal(due.status, 400)
  assert.match(due.body.message, /send_at\[\$gte\]/)
})

test("a customer's page shows their marketing consent; an admin lifts a suppression and records consent", async () => {
  const { customer } = JSON.parse(fs.readFileSync(DEMO_STATE, "utf8"))
  const consentUrl = `/admin/post-purchase/customers/${customer.id}/consent`
  const consentOf = async () => (await adminApi(consentUrl)).body.consent

  // the customer withdrew at the counter: a withdrawal puts them on the suppression list for all
  // marketing email (one already there, e.g. from an unsubscribe link, stays as it is)
  const withdrawal = await adminApi(consentUrl, {
    body: { granted: false, source: "admin", wording: "Asked at the counter to stop the newsletter" },
  })
  assert.equal(withdrawal.status, 200, JSON.stringify(withdrawal.body))
  const suppression = withdrawal.body.consent.suppressions.find((s) => s.scope === "all" && !s.lifted_at)
  assert.ok(suppression, "an active suppression of all marketing email")
  const suppressionId = `pp-suppression-${suppression.id}`

  await page.goto(`${BASE}/app/customers/${customer.id}`)
  const widget = page.getByTestId("pp-customer-consent")
  await page.getByTestId("pp-consent-status").waitFor()
  assert.equal(await page.getByTestId("pp-consent-status").innerText(), "Withdrawn")
  assert.match(await page.getByTestId("pp-consent-mode").innerText(), /Opt-in/)
  assert.equal(await page.getByTestId("pp-consent-marketing").innerText(), "Not sent")
  assert.match(await page.getByTestId("pp-consent-reason").innerText(), /suppression list for all marketing email/)
  assert.match(
    await page.getByTestId(`pp-consent-record-${withdrawal.body.consent.records[0].id}-wording`).innerText(),
    /Asked at the counter to stop the newsletter/
  )
  assert.equal(await page.getByTestId(`${suppressionId}-scope`).innerText(), "All marketing email")
  assert.equal(await page.getByTestId(`${suppressionId}-status`).innerText(), "Active")
  await widget.scrollIntoViewIfNeeded()
  await screenshot("customer-consent-withdrawn")

  // Lift asks why: no reason, no lift; a reason the API refuses gets its message
  await page.getByTestId(`${suppressionId}-lift`).click()
  const liftDialog = page.getByTestId("pp-lift-suppression")
  const liftReason = page.getByTestId("pp-lift-suppression-reason")
  const liftSubmit = page.getByTestId("pp-lift-suppression-submit")
  await liftDialog.waitFor()
  assert.equal(await liftSubmit.isDisabled(), true)
  await liftReason.fill("ok")
  await liftSubmit.click()
  await page.getByTestId("pp-lift-suppression-error").waitFor()
  assert.match(await page.getByTestId("pp-lift-suppression-error").innerText(), /reason/)
  await screenshot("customer-consent-lift-refused")
  const reason = `Asked in the shop to get the newsletter again (${new Date().toISOString()})`
  await liftReason.fill(reason)
  await liftSubmit.click()
  await liftDialog.waitFor({ state: "detached" })

  // the widget shows it lifted, with the reason, and no Lift button any more
  await page.getByTestId(`${suppressionId}-lift-reason`).waitFor()
  assert.equal(await page.getByTestId(`${suppressionId}-lift-reason`).innerText(), reason)
  assert.match(await page.getByTestId(`${suppressionId}-lifted`).innerText(), /by Demo Admin$/)
  assert.equal(await page.getByTestId(`${suppressionId}-status`).innerText(), "Lifted")
  assert.equal(await page.getByTestId(`${suppressionId}-lift`).count(), 0)
  await screenshot("customer-consent-lifted")
  const lifted = (await consentOf()).suppressions.find((s) => s.id === suppression.id)
  assert.ok(lifted.lifted_at, "lifted_at is set")
  assert.equal(lifted.lift_reason, reason)
  assert.match(lifted.lifted_by, /^user:user_/)

  // Record consent: the API's 400 shows on its field; a good one comes first in the history
  await page.getByTestId("pp-consent-record-open").click()
  const form = page.getByTestId("pp-consent-form")
  const formSubmit = page.getByTestId("pp-consent-form-submit")
  await form.waitFor()
  assert.equal(await formSubmit.isDisabled(), true)
  await page.getByTestId("pp-consent-form-granted").click()
  await page.getByTestId("pp-consent-form-source").click()
  await page.getByRole("option", { name: /Imported/ }).click()
  await page.getByTestId("pp-consent-form-wording").fill("Said yes")
  await formSubmit.click()
  await page.getByTestId("pp-consent-form-field-error").waitFor()
  assert.match(await page.getByTestId("pp-consent-form-field-error").innerText(), /wording/)
  await screenshot("customer-consent-form-refused")
  const wording = `Ticked the newsletter box on the paper form at the Amsterdam store (${new Date().toISOString()})`
  await page.getByTestId("pp-consent-form-wording").fill(wording)
  await formSubmit.click()
  await form.waitFor({ state: "detached" })

  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="pp-consent-records"] tbody tr [data-testid$="-wording"]')?.textContent === expected,
    wording
  )
  const [first] = (await consentOf()).records
  assert.equal(first.wording, wording)
  assert.deepEqual([first.granted, first.source], [true, "import"])
  assert.equal(await page.getByTestId(`pp-consent-record-${first.id}-granted`).innerText(), "Granted")
  assert.equal(await page.getByTestId(`pp-consent-record-${first.id}-source`).innerText(), "Import")
  assert.equal(await page.getByTestId(`pp-consent-record-${first.id}-recorded-by`).innerText(), "Demo Admin")
  assert.equal(await page.getByTestId("pp-consent-status").innerText(), "Granted")
  // consent given and the suppression lifted: marketing email may go out again
  assert.equal(await page.getByTestId("pp-consent-marketing").innerText(), "May be sent now")
  await widget.scrollIntoViewIfNeeded()
  await screenshot("customer-consent-recorded")
})

test("a customer's page sets the language of their emails", async () => {
  const { customer } = JSON.parse(fs.readFileSync(DEMO_STATE, "utf8"))
  const localeOf = async () => (await adminApi(`/admin/post-purchase/customers/${customer.id}/preferences`)).body.preferences.locale
  await page.goto(`${BASE}/app/customers/${customer.id}`)
  const select = page.getByTestId("pp-customer-language-select")
  await select.waitFor()

  await select.click()
  await page.getByRole("option", { name: "Deutsch" }).click()
  for (let i = 0; i < 50 && (await localeOf()) !== "de-DE"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.equal(await localeOf(), "de-DE")
  await screenshot("customer-email-language")

  await select.click()
  await page.getByRole("option", { name: "No preference" }).click()
  for (let i = 0; i < 50 && (await localeOf()) !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.equal(await localeOf(), null)
})
