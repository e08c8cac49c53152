/**
 * Browser checks of the emails themselves, in headless Debian Chromium against
 * the running demo (see run.js): every flow's email fits a 320 px phone and a
 * 600 px window, and the demo's emails show product images the demo serves.
 * Screenshots go to .data/e2e/emails (git-ignored).
 */
const { test } = require("node:test")
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")
const { withChromium } = require("./chromium")
const { emailPart, mailboxEmails } = require("./mailbox")

const BASE = process.env.PP_E2E_BASE
const EMAIL = process.env.PP_E2E_EMAIL
const PASSWORD = process.env.PP_E2E_PASSWORD
// a dot folder: `medusa develop` restarts on any other new file in the project
const ARTIFACTS = path.join(__dirname, "..", ".data", "e2e", "emails")
const WIDTHS = [320, 600]

let page

withChromium(async (browser) => {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  page = await browser.newPage()
  page.setDefaultTimeout(30_000)
  // an email is opened on its own, as a mail client would; nothing leaves this machine
  await page.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url())
    return hostname === "localhost" || hostname === "127.0.0.1" ? route.continue() : route.abort()
  })
})

async function adminApi(urlPath) {
  const auth = await fetch(`${BASE}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  const { token } = await auth.json()
  const response = await fetch(`${BASE}${urlPath}`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(response.status, 200, `GET ${urlPath}`)
  return response.json()
}

/** The demo's sent emails: one per flow, the first one sent. */
function mailboxEmailPerFlow() {
  const byFlow = new Map()
  for (const email of mailboxEmails()) {
    if (!byFlow.has(email.data.flow)) {
      byFlow.set(email.data.flow, emailPart(email, "html"))
    }
  }
  return byFlow
}

/**
 * Opens the email at each width and asserts nothing is wider than the window:
 * the page does not scroll sideways and no element's right edge lies beyond it.
 */
async function assertFits(name, html) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await page.setContent(html, { waitUntil: "load" })
    const { scrollWidth, viewport, overflowing } = await page.evaluate(() => {
      const viewport = document.documentElement.clientWidth
      const overflowing = [...document.querySelectorAll("body *")]
        .map((el) => ({ el, right: el.getBoundingClientRect().right }))
        .filter(({ right }) => right > viewport + 0.5)
        .map(({ el, right }) => `<${el.tagName.toLowerCase()}> ends at ${Math.round(right)} px: ${el.outerHTML.slice(0, 120)}`)
      return { scrollWidth: document.documentElement.scrollWidth, viewport, overflowing }
    })
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true })
    assert.equal(viewport, width, "no vertical scrollbar narrows the window")
    assert.ok(scrollWidth <= width, `${name} at ${width} px scrolls sideways: ${scrollWidth} px wide`)
    assert.deepEqual(overflowing, [], `${name} at ${width} px has elements beyond the right edge`)
  }
}

test("every flow's preview fits a 320 px and a 600 px window", async () => {
  const { flows } = await adminApi("/admin/post-purchase/flows")
  assert.ok(flows.length >= 2)
  for (const flow of flows) {
    const { html } = await adminApi(`/admin/post-purchase/flows/${flow.key}/preview`)
    await assertFits(`preview-${flow.key}`, html)
  }
})

test("the width check catches an email wider than a phone", async () => {
  const wide = `<!DOCTYPE html><html><body style="margin:0"><table width="400" style="width:400px"><tr><td>Too wide</td></tr></table></body></html>`
  await assert.rejects(assertFits("check-too-wide", wide), /scrolls sideways/)
})

test("the demo's emails fit and show product images that the demo serves", async () => {
  const emails = mailboxEmailPerFlow()
  assert.ok(emails.has("order-confirmation"), "the demo sent an order confirmation")

  for (const [flow, html] of emails) {
    await assertFits(`mailbox-${flow}`, html)
  }

  // the confirmation shows each item's picture, from the demo's own /static, not the internet
  const confirmation = emails.get("order-confirmation")
  const sources = [...confirmation.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1])
  assert.ok(sources.length > 0, "the confirmation shows product images")
  for (const src of sources) {
    assert.ok(src.startsWith(`${BASE}/static/demo/`), `${src} is served by the demo`)
    const response = await fetch(src)
    assert.equal(response.status, 200, src)
    assert.equal(response.headers.get("content-type"), "image/png", src)
  }

  await page.setViewportSize({ width: 600, height: 800 })
  await page.setContent(confirmation, { waitUntil: "load" })
  const broken = await page.evaluate(() =>
    [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src)
  )
  assert.deepEqual(broken, [], "every image loads")
})
