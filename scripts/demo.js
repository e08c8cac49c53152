#!/usr/bin/env node
/**
 * `npm run demo`: the plugin doing its main job on a fresh machine.
 *
 * Starts embedded Postgres, migrates and seeds a store, starts Medusa with the
 * plugin and the admin, places real orders through the Store API, and waits
 * while the dispatcher sends the order confirmations and, after a shortened
 * demo delay, the thank-you emails into the local mailbox. Then it keeps the
 * server running for the admin (`--exit` stops instead, for CI).
 */
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { startPostgres, dbEnv, dropDatabase, createDatabaseIfMissing, DEMO_DATABASE, ROOT } = require("./db")

const EXIT = process.argv.includes("--exit")
const PORT = 9000
const BASE = `http://localhost:${PORT}`
const DB_NAME = DEMO_DATABASE
const MAILBOX = path.join(ROOT, ".mailbox")
const LOG = path.join(ROOT, ".data", "demo.log")
const STATE = path.join(ROOT, ".data", "demo-store.json")
const ADMIN = { email: "admin@acme.test", password: "supersecret" }
/** Demo only: the thank-you falls due after seconds instead of a day. */
const DEMO_THANK_YOU_DELAY_SECONDS = 20
/** Demo only: Carla's review request falls due after seconds instead of 7 days after her delivery. */
const DEMO_REVIEW_REQUEST_DELAY_SECONDS = 25
const TICK_MS = 2000
/** The demo's loyalty programme; the admin edits it on Post-purchase → Loyalty. */
const DEMO_LOYALTY = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1, include_shipping: false, include_tax: false }],
  rewards: [{ id: "five-off", name: "€5 off", points_cost: 100, discount: { kind: "fixed", value: 5, currency_code: "eur" }, expires_in_days: 90 }],
  bonuses: { signup: 100 },
}
/** What a Dutch shop typically offers; the admin edits it on Settings → Store. */
const DEMO_RETURNS_POLICY = {
  window_days: 30,
  free_returns: false,
  return_fees: [{ currency_code: "eur", amount: 4.95 }],
  return_methods: ["mail", "in_store"],
  refund_methods: ["original_payment", "store_credit"],
  refund_days: 14,
  conditions: ["Unused, with the labels still on", "In the original packaging"],
  policy_url: "https://acme-outfitters.example/returns",
}

const step = (text) => console.log(`\n▶ ${text}`)

async function main() {
  fs.mkdirSync(path.dirname(LOG), { recursive: true })
  fs.writeFileSync(LOG, "")
  fs.rmSync(MAILBOX, { recursive: true, force: true })

  step("Starting Postgres")
  const pg = await startPostgres({ log: (l) => fs.appendFileSync(LOG, l + "\n") })
  await dropDatabase(pg, DB_NAME)
  await createDatabaseIfMissing(pg, DB_NAME)
  console.log(`  ${pg.external ? "using" : "embedded"} Postgres on ${pg.host}:${pg.port}, database ${DB_NAME}`)

  const env = {
    ...process.env,
    ...dbEnv(pg, DB_NAME),
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    PP_MAILBOX_DIR: MAILBOX,
    PP_DISPATCH_INTERVAL_MS: String(TICK_MS),
    PP_DEMO_ADMIN_EMAIL: ADMIN.email,
    PP_DEMO_ADMIN_PASSWORD: ADMIN.password,
    PP_DEMO_STATE: STATE,
    // the demo shows the flows within a minute, whatever the time of day
    PP_OPTIONS: JSON.stringify({ quietHours: { enabled: false }, frequencyCap: { enabled: false } }),
  }
  // empty, not deleted: loadEnv() would bring back a key from a .env file
  env.SENDGRID_API_KEY = ""

  let server
  const shutdown = async (code) => {
    if (server && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 5000)
        server.once("exit", () => (clearTimeout(timer), resolve()))
      })
    }
    await pg.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(0))
  process.on("SIGTERM", () => shutdown(0))

  try {
    step("Migrating the database (Medusa's modules and the plugin's)")
    await medusa(["db:migrate"], env)

    step("Seeding a store: region, sales channel, publishable key, 3 products, a customer, an admin")
    await medusa(["exec", "./scripts/demo/seed.ts"], env)
    const store = JSON.parse(fs.readFileSync(STATE, "utf8"))

    step("Starting Medusa with the plugin and the admin")
    server = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "develop"], {
      cwd: ROOT,
      env: { ...env, PORT: String(PORT) },
      detached: true,
      stdio: ["ignore", fs.openSync(LOG, "a"), fs.openSync(LOG, "a")],
    })
    server.once("exit", (code) => {
      if (code) console.error(`Medusa stopped with exit code ${code}; see ${LOG}`)
    })
    await waitFor(async () => (await fetch(`${BASE}/health`).catch(() => null))?.ok, "Medusa to answer", 120_000)
    console.log(`  ready at ${BASE}`)

    const token = await adminToken()
    const admin = (urlPath, body) => call(urlPath, { token, body })

    step(
      `Demo timing: thank-you delay ${DEMO_THANK_YOU_DELAY_SECONDS} s (default 1 day); dispatcher every ${TICK_MS / 1000} s ` +
        "(default every minute); quiet hours and the frequency cap off (defaults 21:00-08:00 Europe/Amsterdam, one marketing email per 24 h)"
    )
    await admin("/admin/post-purchase/flows/thank-you", { delay_seconds: DEMO_THANK_YOU_DELAY_SECONDS })
    // reviews: the review request, 7 days after delivery by default
    await admin("/admin/post-purchase/flows/review-request", { delay_seconds: DEMO_REVIEW_REQUEST_DELAY_SECONDS })

    step("The shop saves its returns policy in the admin: 30 days from delivery, €4.95 to send back, by post or in the shop")
    const { policy } = await admin("/admin/post-purchase/return-policy", DEMO_RETURNS_POLICY)
    console.log(`  returns policy v${policy.version}: ${policy.terms.window_days} days, return shipping €${policy.terms.return_fees[0].amount}`)

    step("Placing orders through the Store API: Anna shops in Dutch and ticks \"send me news\" at checkout, Ben shops in English and does not")
    const anna = await checkout(store, {
      email: store.customer.email,
      first_name: "Anna",
      items: [[0, 1], [3, 2]],
      consent: true,
      locale: "nl-NL",
    })
    const ben = await checkout(store, { email: "ben@example.com", first_name: "Ben", items: [[2, 1], [4, 1]], locale: "en-GB" })
    for (const [order, note] of [[anna, "nl-NL, consent at checkout"], [ben, "en-GB, no consent"]]) {
      console.log(`  order #${order.display_id} for ${order.email}: ${order.items.length} items, €${Number(order.total).toFixed(2)} (${note})`)
    }
    const shown = [anna, ben]
    await settled(admin, [anna, ben], "the confirmations and thank-yous (Ben's is skipped: no consent)")
    const annaConfirmation = readMailboxText((meta) => meta.data.flow === "order-confirmation" && meta.to === anna.email)
    console.log(`  Anna's confirmation quotes the policy: "${/Je kunt artikelen[^\n]*/.exec(annaConfirmation)?.[0] ?? "(missing!)"}"`)

    step("Anna presses her mail app's unsubscribe button (RFC 8058 one-click POST to the List-Unsubscribe URL)")
    const thankYouMeta = readMailboxJson((meta) => meta.data.flow === "thank-you" && meta.to === anna.email)
    const listUnsubscribe = /^<(.+)>$/.exec(thankYouMeta.headers["List-Unsubscribe"])[1]
    const unsubscribed = await fetch(listUnsubscribe, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    })
    console.log(`  POST ${listUnsubscribe.slice(0, 60)}… → ${unsubscribed.status}`)
    const annaAgain = await checkout(store, { email: store.customer.email, first_name: "Anna", items: [[1, 1]], locale: "nl-NL" })
    console.log(`  order #${annaAgain.display_id} for ${annaAgain.email}: her thank-you will be skipped (unsubscribed)`)
    shown.push(annaAgain)

    step("The thank-you now counts from delivery; Carla's order is fulfilled, shipped and delivered in the admin")
    await admin("/admin/post-purchase/flows/thank-you", { anchor: "delivered", delay_seconds: DEMO_THANK_YOU_DELAY_SECONDS })
    const carla = await checkout(store, { email: "carla@example.com", first_name: "Carla", items: [[2, 1]], consent: true })
    await shipAndDeliver(admin, carla)
    console.log(
      `  order #${carla.display_id} for ${carla.email}: shipped and delivered; thank-you due ${DEMO_THANK_YOU_DELAY_SECONDS} s ` +
        `and review request ${DEMO_REVIEW_REQUEST_DELAY_SECONDS} s after delivery`
    )
    shown.push(carla)
    await settled(admin, [annaAgain], "Anna's second thank-you")
    await settled(admin, [carla], "Carla's delivery-anchored thank-you and review request", [...EMAILED_AT_ONCE, "review-request"])

    // reviews: Carla follows the 5-star link of her review request and sends the hosted form
    step("Carla clicks the fifth star in her review request and sends the review form it opens")
    const request = readMailboxEmail((meta) => meta.data.flow === "review-request" && meta.to === carla.email)
    const fiveStars = /<a\b[^>]*data-rating="5"[^>]*>/.exec(request.html)
    const reviewLink = /href="([^"]+)"/.exec(fiveStars?.[0] ?? "")?.[1]?.replace(/&amp;/g, "&")
    if (!reviewLink) throw new Error("Carla's review request has no 5-star link")
    const form = await fetch(reviewLink)
    if (form.status !== 200) throw new Error(`The review form answered ${form.status}`)
    const sent = await fetch(reviewLink, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        rating: "5",
        title: "Roomy and sturdy",
        body: "Holds a week of groceries and still looks new.",
        name: "Carla J.",
      }).toString(),
    })
    if (sent.status !== 200) throw new Error(`Sending the review form answered ${sent.status}`)
    console.log(
      `  GET ${reviewLink.slice(0, 60)}… → ${form.status} (5 stars chosen); POST → ${sent.status}: ` +
        "a pending, verified-purchase review waits for moderation in the admin"
    )

    // loyalty: the shop's programme; a member signs up, earns on her order and spends her welcome points
    step(`The shop switches on its loyalty programme in the admin: 1 point per euro, ${DEMO_LOYALTY.bonuses.signup} points for signing up, €5 off for 100 points`)
    const { settings } = await admin("/admin/post-purchase/loyalty/settings")
    await admin("/admin/post-purchase/loyalty/settings", { ...settings, ...DEMO_LOYALTY, bonuses: { ...settings.bonuses, ...DEMO_LOYALTY.bonuses } })

    step("Dana creates an account on the storefront, then orders signed in")
    const dana = await signUp(store, { email: "dana@example.com", password: "dana-demo-password", first_name: "Dana" })
    const welcome = await waitFor(
      async () => ((await loyaltyOf(store, dana)).available > 0 ? await loyaltyOf(store, dana) : null),
      "Dana's welcome points",
      30_000
    )
    console.log(`  ${dana.email} signed up: ${welcome.available} points to spend (the sign-up bonus)`)
    const danaOrder = await checkout(store, { email: dana.email, first_name: "Dana", items: [[0, 1]], token: dana.token })
    shown.push(danaOrder)
    const earned = await waitFor(
      async () => ((await loyaltyOf(store, dana)).pending > 0 ? await loyaltyOf(store, dana) : null),
      "Dana's points for her order",
      30_000
    )
    console.log(
      `  order #${danaOrder.display_id} (€${Number(danaOrder.item_subtotal ?? danaOrder.total).toFixed(2)}): ${earned.pending} points pending ` +
        "until its return window closes (the daily job confirms them through the returns policy)"
    )

    step("Dana redeems her welcome points for €5 off: a single-use Medusa promotion, for her account only")
    const { reward, loyalty } = await call("/store/post-purchase/loyalty/redeem", {
      key: store.publishable_key,
      token: dana.token,
      body: { reward_id: DEMO_LOYALTY.rewards[0].id },
    })
    console.log(`  code ${reward.code}, valid until ${reward.expires_at.slice(0, 10)}; ${loyalty.available} points left, ${loyalty.pending} pending`)
    await settled(admin, [danaOrder], "Dana's order confirmation", ["order-confirmation"])
    await waitFor(
      async () => readMailboxText((meta) => meta.data.flow === "loyalty-reward-code" && meta.to === dana.email).includes(reward.code),
      "Dana's reward-code email",
      30_000
    )
    console.log("  the reward-code email with her code is in the mailbox")

    const followups = (await Promise.all(shown.map((o) => followupsOf(admin, o)))).flat()

    step("What was scheduled, sent and skipped")
    console.table(
      followups.map((f) => ({
        order: `#${f.order}`,
        flow: f.flow,
        to: f.email,
        language: f.locale,
        status: f.status,
        due: time(f.send_at),
        sent: time(f.sent_at),
        why: f.status_reason ?? "",
      }))
    )
    const files = fs.readdirSync(MAILBOX).sort()
    console.log(`\nMailbox: ${MAILBOX} (${files.length} files: .html, .txt and .json per email)`)
    for (const file of files.filter((f) => f.endsWith(".html"))) console.log(`  ${file}`)

    if (EXIT) {
      console.log("\nDemo finished (--exit).")
      return shutdown(0)
    }
    console.log(`
Admin:    ${BASE}/app   (email ${ADMIN.email}, password ${ADMIN.password})
          → "Post-purchase" in the sidebar shows the flows and every follow-up, skipped ones with the reason;
            an order's page shows its follow-ups; Customers → ${store.customer.email} shows her consent,
            its history and her suppression (lift it there, with a reason).
Unsubscribe: each thank-you's footer link opens the unsubscribe page (it asks; it never unsubscribes by itself).
Returns:  Settings → Store shows the returns policy (edit it there, with a live preview and its history);
          each confirmation quotes it, and Carla's (delivered) has a "Withdraw from contract here" link
          that opens the withdrawal page and becomes a return request on her order's page.
Reviews:  Carla's review request has five star links per item; the one she followed left a pending,
          verified-purchase review, waiting for moderation.
Loyalty:  Post-purchase → Loyalty holds the programme; Customers → dana@example.com shows her points, her
          ledger and "Adjust points"; her order's page shows what it earned, pending until the window closes.
Mailbox:  ${MAILBOX}
Logs:     ${LOG}
Press Ctrl-C to stop.`)
  } catch (e) {
    console.error(`\nDemo failed: ${e.message}\nSee ${LOG} for the server's output.`)
    return shutdown(1)
  }

  /** Runs a medusa CLI command to its end; async, so this process keeps draining Postgres's output. */
  async function medusa(args, env) {
    const child = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), ...args], { cwd: ROOT, env })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const status = await new Promise((resolve) => child.on("close", resolve))
    fs.appendFileSync(LOG, `$ medusa ${args.join(" ")}\n${output}\n`)
    if (status !== 0) {
      throw new Error(`medusa ${args.join(" ")} failed:\n${output.split("\n").slice(-25).join("\n")}`)
    }
  }
}

async function call(urlPath, { token, key, body, method } = {}) {
  const response = await fetch(`${BASE}${urlPath}`, {
    method: method ?? (body ? "POST" : "GET"),
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new Error(`${method ?? (body ? "POST" : "GET")} ${urlPath} → ${response.status}: ${data.message ?? JSON.stringify(data)}`)
  }
  return data
}

async function adminToken() {
  const { token } = await call("/auth/user/emailpass", { body: ADMIN })
  return token
}

/** The storefront's checkout, step by step, as a shopper's browser would call it. */
async function checkout(store, buyer) {
  const key = store.publishable_key
  const address = {
    first_name: buyer.first_name,
    last_name: "Jansen",
    address_1: "Prinsengracht 263",
    city: "Amsterdam",
    postal_code: "1016 GV",
    country_code: "nl",
  }
  const items = buyer.items.map(([variant, quantity]) => ({ variant_id: store.variants[variant].id, quantity }))
  // a signed-in customer's cart is theirs: their order earns loyalty points
  const token = buyer.token
  const { cart } = await call("/store/carts", {
    key,
    token,
    // the storefront's language, kept on the order: the emails are written in it
    body: { region_id: store.region_id, email: buyer.email, items, ...(buyer.locale ? { locale: buyer.locale } : {}) },
  })
  await call(`/store/carts/${cart.id}`, { key, token, body: { shipping_address: address, billing_address: address } })
  await call(`/store/carts/${cart.id}/shipping-methods`, { key, token, body: { option_id: store.shipping_option_id } })
  if (buyer.consent) {
    // the checkbox at checkout: the consent is bound to the cart and counts once it is an order
    await call("/store/post-purchase/consent", {
      key,
      body: { granted: true, wording: CONSENT_WORDING, url: "http://localhost:8000/checkout", cart_id: cart.id },
    })
  }
  const { payment_collection } = await call("/store/payment-collections", { key, token, body: { cart_id: cart.id } })
  await call(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    key,
    token,
    body: { provider_id: "pp_system_default" },
  })
  const completed = await call(`/store/carts/${cart.id}/complete`, { key, token, body: {} })
  if (completed.type !== "order") {
    throw new Error(`Checkout did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return completed.order
}

/** A shopper creates an account on the storefront and signs in, as Medusa's auth routes expect; answers the customer with their token. */
async function signUp(store, { email, password, first_name }) {
  const key = store.publishable_key
  const { token: registration } = await call("/auth/customer/emailpass/register", { body: { email, password } })
  await call("/store/customers", { key, token: registration, body: { email, first_name, last_name: "Visser" } })
  const { token } = await call("/auth/customer/emailpass", { body: { email, password } })
  return { email, token }
}

/** The customer's own loyalty balances, through the Store API. */
async function loyaltyOf(store, customer) {
  const { loyalty } = await call("/store/post-purchase/loyalty?limit=5", { key: store.publishable_key, token: customer.token })
  return loyalty
}

const CONSENT_WORDING = "Yes, send me news and offers by email. I can unsubscribe at any time."

/** The order's follow-ups, with its number. */
async function followupsOf(admin, order) {
  const { followups } = await admin(`/admin/post-purchase/followups?order_id=${order.id}&order=send_at`)
  return followups.map((f) => ({ ...f, order: order.display_id }))
}

/** The flows the demo waits for: the confirmation at once, the thank-you after its demo delay. */
const EMAILED_AT_ONCE = ["order-confirmation", "thank-you"]

/** Waits until each order has a follow-up of each of `flows` and none of those is still due (later ones, like the review reminder, stay scheduled). */
async function settled(admin, orders, what, flows = EMAILED_AT_ONCE) {
  return await waitFor(
    async () => {
      const lists = await Promise.all(orders.map((o) => followupsOf(admin, o)))
      return lists.every((list) =>
        flows.every((flow) => list.some((f) => f.flow === flow && f.status !== "scheduled" && f.status !== "sending"))
      )
    },
    what,
    (Math.max(DEMO_THANK_YOU_DELAY_SECONDS, DEMO_REVIEW_REQUEST_DELAY_SECONDS) + 90) * 1000
  )
}

/** The admin fulfills every item, marks the parcel shipped, then delivered. */
async function shipAndDeliver(admin, order) {
  const items = order.items.map((item) => ({ id: item.id, quantity: item.quantity }))
  await admin(`/admin/orders/${order.id}/fulfillments`, { items })
  const {
    order: { fulfillments },
  } = await admin(`/admin/orders/${order.id}?fields=id,*fulfillments`)
  const fulfillment = fulfillments[fulfillments.length - 1]
  await admin(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/shipments`, { items })
  await admin(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/mark-as-delivered`, {})
}

/** The text of the first email in the mailbox whose metadata matches. */
function readMailboxText(matches) {
  const json = fs.readdirSync(MAILBOX).find((file) => file.endsWith(".json") && matches(JSON.parse(fs.readFileSync(path.join(MAILBOX, file), "utf8"))))
  if (!json) throw new Error("The email is not in the mailbox")
  return fs.readFileSync(path.join(MAILBOX, json.replace(/\.json$/, ".txt")), "utf8")
}

/** The first email in the mailbox whose metadata matches: its metadata and HTML. */
function readMailboxEmail(matches) {
  for (const file of fs.readdirSync(MAILBOX).filter((f) => f.endsWith(".json")).sort()) {
    const meta = JSON.parse(fs.readFileSync(path.join(MAILBOX, file), "utf8"))
    if (matches(meta)) return { meta, html: fs.readFileSync(path.join(MAILBOX, file.replace(/\.json$/, ".html")), "utf8") }
  }
  throw new Error("No such email in the mailbox")
}

/** The metadata (.json) of the first email in the mailbox that matches. */
function readMailboxJson(matches) {
  for (const file of fs.readdirSync(MAILBOX).filter((f) => f.endsWith(".json")).sort()) {
    const meta = JSON.parse(fs.readFileSync(path.join(MAILBOX, file), "utf8"))
    if (matches(meta)) return meta
  }
  throw new Error("No such email in the mailbox")
}

async function waitFor(probe, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null)
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/** The time of day, with the date when it is not today (the review reminder and the survey are days away). */
function time(iso) {
  if (!iso) return "—"
  const at = new Date(iso)
  const clock = at.toLocaleTimeString("en-GB")
  return at.toDateString() === new Date().toDateString() ? clock : `${at.toLocaleDateString("en-GB", { day: "numeric", month: "short" })} ${clock}`
}

main()
