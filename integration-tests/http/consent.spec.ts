import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  CHECKOUT_CONSENT_WORDING,
  completeCheckout,
  openCheckout,
  placeOrder,
  type SeededStore,
} from "../../scripts/fixtures/store"
import { signLink } from "../../src/lib/signed-link"
import { customerHeaders } from "../helpers/admin"
import {
  DAY_MS,
  dispatch,
  followupService,
  followupsOf,
  readMailbox,
  restorePluginOptions,
  setPluginOptions,
  testAppEnv,
  freshTestStore,
} from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

const NO_CONSENT = "No consent to marketing email: the shop sends marketing only to recipients who opted in (consent.mode opt-in)"
const SUPPRESSED_ALL = /^The recipient is on the suppression list for all marketing email \(since \d{4}-\d{2}-\d{2}\)$/

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const tomorrow = () => new Date(Date.now() + DAY_MS + 60_000)

    async function thankYouOf(orderId: string) {
      return (await followupsOf(getContainer(), orderId, 2))["thank-you"]
    }

    /** The unsubscribe link's path and query, from the List-Unsubscribe header of the latest thank-you in the mailbox. */
    function unsubscribeLink() {
      const email = readMailbox(mailbox).filter((e) => e.flow === "thank-you").pop()!
      const url = new URL(/^<(.+)>$/.exec(email.meta.headers["List-Unsubscribe"])![1])
      return `${url.pathname}${url.search}`
    }

    /** A guest's cart at checkout, before it is completed. */
    const openCart = () => openCheckout(getContainer(), store, { email: "Guest@Example.com", customer_id: null })

    const tableCounts = async () => ({
      consents: (await followupService(getContainer()).listConsentRecords({})).length,
      suppressions: (await followupService(getContainer()).listSuppressions({})).length,
    })

    it("opt-in: without consent the thank-you is skipped with the reason, and the receipt goes without unsubscribe headers", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store)
      await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())

      const thankYou = await thankYouOf(orderId)
      expect([thankYou.status, thankYou.status_reason]).toEqual(["skipped", NO_CONSENT])
      const [receipt] = readMailbox(mailbox)
      expect(readMailbox(mailbox).map((e) => e.flow)).toEqual(["order-confirmation"])
      expect(receipt.meta.headers).toEqual({})
      expect(receipt.html).not.toMatch(/unsubscribe/i)
      expect(receipt.text).not.toMatch(/unsubscribe/i)
    })

    it("a guest's consent at checkout, through the Store API, counts once the cart is an order; the thank-you carries RFC 8058 headers and a footer link", async () => {
      const container = getContainer()
      const cartId = await openCart()
      const { status, data } = await api.post(
        "/store/post-purchase/consent",
        { granted: true, wording: CHECKOUT_CONSENT_WORDING, url: "https://shop.example/checkout", cart_id: cartId },
        storeHeaders()
      )
      expect(status).toBe(201)
      expect(data.consent_record).toEqual(expect.objectContaining({ granted: true, source: "checkout", pending: true }))

      // the cart becomes an order through Medusa's own checkout; another order, without consent, for comparison
      const orderId = await completeCheckout(container, store, cartId)
      const withoutConsent = await placeOrder(container, store)
      await followupsOf(container, orderId, 2)
      await followupsOf(container, withoutConsent, 2)
      await dispatch(container, tomorrow())
      expect((await thankYouOf(orderId)).status).toBe("sent")
      expect((await thankYouOf(withoutConsent)).status).toBe("skipped")

      const [record] = await followupService(container).listConsentRecords({ cart_id: cartId })
      expect(record).toEqual(
        expect.objectContaining({ email: "guest@example.com", order_id: orderId, source: "checkout", recorded_by: "guest", wording: CHECKOUT_CONSENT_WORDING })
      )

      const thankYou = readMailbox(mailbox).find((e) => e.flow === "thank-you")!
      const listUnsubscribe = /^<(https?:\/\/[^>]+\/hooks\/post-purchase\/unsubscribe\?token=v1\.[^>]+)>$/.exec(thankYou.meta.headers["List-Unsubscribe"])
      expect(listUnsubscribe).toBeTruthy()
      expect(thankYou.meta.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
      expect(thankYou.html).toContain(listUnsubscribe![1].replace(/&/g, "&amp;"))
      expect(thankYou.text).toContain(listUnsubscribe![1])
      const receipt = readMailbox(mailbox).find((e) => e.flow === "order-confirmation" && e.meta.to === "Guest@Example.com")!
      expect(receipt.meta.headers).toEqual({})
    })

    it("a signed-in customer reads and changes only their own consent; a withdrawal stops the next thank-you", async () => {
      const container = getContainer()
      const { customer, headers } = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      const me = { headers }

      expect((await api.get("/store/post-purchase/consent", me)).data.consent).toEqual(
        expect.objectContaining({ email: "cleo@example.com", status: "none", marketing_allowed: false, records: [] })
      )
      const given = await api.post("/store/post-purchase/consent", { granted: true, wording: "Send me the Acme newsletter and offers" }, me)
      expect(given.status).toBe(201)
      const first = await placeOrder(container, store, { email: customer.email, customer_id: customer.id })
      await followupsOf(container, first, 2)
      await dispatch(container, tomorrow())
      expect((await thankYouOf(first)).status).toBe("sent")

      // another order falls due after the withdrawal
      const second = await placeOrder(container, store, { email: customer.email, customer_id: customer.id })
      await followupsOf(container, second, 2)
      await api.post("/store/post-purchase/consent", { granted: false, wording: "Stop sending me marketing email" }, me)
      await dispatch(container, tomorrow())
      const skipped = await thankYouOf(second)
      expect(skipped.status).toBe("skipped")
      expect(skipped.status_reason).toMatch(SUPPRESSED_ALL)

      const { data } = await api.get("/store/post-purchase/consent", me)
      expect(data.consent).toEqual(expect.objectContaining({ status: "withdrawn", marketing_allowed: false }))
      expect(data.consent.records.map((r: any) => [r.granted, r.source, r.recorded_by])).toEqual([
        [false, "account", `customer:${customer.id}`],
        [true, "account", `customer:${customer.id}`],
      ])

      // never someone else's: there is no way to name another customer, and no reading without signing in
      const other = await api
        .post("/store/post-purchase/consent", { granted: true, wording: "Send me the Acme newsletter", customer_id: store.customer.id }, me)
        .catch((e) => e.response)
      expect(other.status).toBe(400)
      expect(other.data.message).toMatch(/customer_id/)
      expect((await api.get("/store/post-purchase/consent", storeHeaders()).catch((e) => e.response)).status).toBe(401)
      expect((await followupService(container).listConsentRecords({ customer_id: store.customer.id })).length).toBe(0)
    })

    it("bad consent input gets a 400 naming the field, and nothing is written", async () => {
      const cartId = await openCart()
      const ordered = await openCart()
      await completeCheckout(getContainer(), store, ordered)
      const before = await tableCounts()
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ wording: CHECKOUT_CONSENT_WORDING, cart_id: cartId }, /granted/],
        [{ granted: "yes", wording: CHECKOUT_CONSENT_WORDING, cart_id: cartId }, /granted/],
        [{ granted: true, wording: "ok", cart_id: cartId }, /wording must be the exact text shown to the customer \(at least 10 characters\)/],
        [{ granted: true, wording: CHECKOUT_CONSENT_WORDING, cart_id: cartId, url: "javascript:alert(1)" }, /url/],
        [{ granted: true, wording: CHECKOUT_CONSENT_WORDING }, /cart_id is required for a guest/],
        [{ granted: true, wording: CHECKOUT_CONSENT_WORDING, cart_id: "cart_01JDZ9Q4J1K2M3N4P5Q6R7S8T9" }, /cart_id: no cart/],
        [{ granted: true, wording: CHECKOUT_CONSENT_WORDING, cart_id: "nope" }, /cart_id must be an id/],
        // a cart that is already an order takes no more checkout consent
        [{ granted: true, wording: CHECKOUT_CONSENT_WORDING, cart_id: ordered }, /is already an order/],
      ]
      for (const [body, message] of cases) {
        const response = await api.post("/store/post-purchase/consent", body, storeHeaders()).catch((e) => e.response)
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(message)])
      }
      expect(await tableCounts()).toEqual(before)
    })

    it("one-click unsubscribe (RFC 8058 POST): the next marketing email is skipped, the receipt still goes", async () => {
      const container = getContainer()
      const first = await placeOrder(container, store, { marketingConsent: true })
      await followupsOf(container, first, 2)
      await dispatch(container, tomorrow())
      expect((await thankYouOf(first)).status).toBe("sent")
      const second = await placeOrder(container, store, { marketingConsent: true })
      await followupsOf(container, second, 2)

      const link = unsubscribeLink()
      // opening the link only asks: link scanners fetch URLs
      const page = await api.get(link)
      expect(page.status).toBe(200)
      expect(page.data).toContain("All marketing email")
      expect(page.data).toContain("Only thank-you emails")
      expect(await tableCounts()).toEqual(expect.objectContaining({ suppressions: 0 }))

      // what a mail client's unsubscribe button sends: no cookie, no login, no publishable key
      const response = await fetch(`${api.defaults.baseURL}${link}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
        redirect: "manual",
      })
      expect(response.status).toBe(200)

      await dispatch(container, tomorrow())
      const skipped = await thankYouOf(second)
      expect(skipped.status).toBe("skipped")
      expect(skipped.status_reason).toMatch(SUPPRESSED_ALL)
      expect((await followupsOf(container, second, 2))["order-confirmation"].status).toBe("sent")
      const [withdrawal] = await followupService(container).listConsentRecords({ source: "unsubscribe" })
      expect(withdrawal).toEqual(expect.objectContaining({ granted: false, recorded_by: "recipient", email: store.customer.email.toLowerCase() }))
    })

    it("the page's 'only this kind' unsubscribes from the one flow", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { marketingConsent: true })
      await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())
      const response = await api.post(unsubscribeLink(), "scope=flow", { headers: { "content-type": "application/x-www-form-urlencoded" } })
      expect(response.status).toBe(200)
      expect(response.data).toContain("will send no more thank-you emails to")
      const suppressions = await followupService(container).listSuppressions({})
      expect(suppressions.map((s) => [s.scope, s.source])).toEqual([["thank-you", "unsubscribe"]])
      // consent to marketing as such stands
      expect(await followupService(container).listConsentRecords({ granted: false })).toHaveLength(0)
    })

    it("a tampered, foreign, expired or wrong-purpose token gets 400 and changes nothing", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { marketingConsent: true })
      await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())
      const link = unsubscribeLink()
      const token = new URL(link, "http://x").searchParams.get("token")!
      const [version, keyId, body, signature] = token.split(".")
      const claims = JSON.parse(Buffer.from(body, "base64url").toString())
      const keys = followupService(container).getSigningKeys()
      const forged = Buffer.from(JSON.stringify({ ...claims, email: "someone.else@example.com" })).toString("base64url")

      const bad = {
        tampered: `${version}.${keyId}.${forged}.${signature}`,
        "bad signature": `${version}.${keyId}.${body}.${signature.slice(0, -2)}AA`,
        foreign: signLink({ purpose: "unsubscribe", email: claims.email, flow: "thank-you" }, tomorrow(), [
          { id: keyId, secret: "another-shop-s-secret-that-is-long-enough" },
        ]),
        "unknown key": signLink({ purpose: "unsubscribe", email: claims.email, flow: "thank-you" }, tomorrow(), [
          { id: "k9", secret: "another-shop-s-secret-that-is-long-enough" },
        ]),
        expired: signLink({ purpose: "unsubscribe", email: claims.email, flow: "thank-you" }, new Date(Date.now() - 1000), keys),
        "wrong purpose": signLink({ purpose: "review", email: claims.email, flow: "thank-you" }, tomorrow(), keys),
        empty: "",
      }
      const before = await tableCounts()
      for (const [what, badToken] of Object.entries(bad)) {
        const url = `/hooks/post-purchase/unsubscribe?token=${encodeURIComponent(badToken)}`
        const oneClick = await api
          .post(url, "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } })
          .catch((e) => e.response)
        const page = await api.get(url).catch((e) => e.response)
        expect([what, oneClick.status, page.status]).toEqual([what, 400, 400])
        expect(page.data).toContain(what === "expired" ? "This link has expired" : "This link does not work")
      }
      expect(await tableCounts()).toEqual(before)
      // the real link still works, and the token lasts at least 60 days
      expect(new Date(claims.exp * 1000).getTime()).toBeGreaterThan(Date.now() + 60 * DAY_MS)
      expect((await api.get(link)).status).toBe(200)
    })

    it("soft-opt-in: a customer without a record gets marketing until they object", async () => {
      const container = getContainer()
      setPluginOptions(container, { consent: { mode: "soft-opt-in", unsubscribeLinkDays: 90 } })
      const orderId = await placeOrder(container, store)
      await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())
      expect((await thankYouOf(orderId)).status).toBe("sent")
    })

    it("the admin sees a customer's consent, records consent given offline, and lifts a suppression with a reason", async () => {
      const container = getContainer()
      const url = `/admin/post-purchase/customers/${store.customer.id}/consent`
      expect((await api.get(url, admin)).data.consent).toEqual(
        expect.objectContaining({ mode: "opt-in", status: "none", marketing_allowed: false, reason: NO_CONSENT })
      )
      const recorded = await api.post(
        url,
        { granted: true, source: "admin", wording: "Ticked the newsletter box on the paper form at the Amsterdam store", given_at: "2026-11-20T10:00:00Z" },
        admin
      )
      expect(recorded.data.consent).toEqual(expect.objectContaining({ status: "granted", marketing_allowed: true }))
      expect(recorded.data.consent.records[0]).toEqual(
        expect.objectContaining({ source: "admin", recorded_by: expect.stringMatching(/^user:user_/), given_at: "2026-11-20T10:00:00.000Z" })
      )

      // the customer unsubscribes through a link
      const orderId = await placeOrder(container, store)
      await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())
      await api.post(unsubscribeLink(), "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } })
      const { data } = await api.get(url, admin)
      expect(data.consent).toEqual(expect.objectContaining({ status: "withdrawn", marketing_allowed: false }))
      const [suppression] = data.consent.suppressions
      expect(suppression).toEqual(expect.objectContaining({ scope: "all", source: "unsubscribe", lifted_at: null }))

      const noReason = await api.post(`/admin/post-purchase/suppressions/${suppression.id}/lift`, {}, admin).catch((e) => e.response)
      expect([noReason.status, noReason.data.message]).toEqual([400, expect.stringMatching(/'reason' is required/)])
      const lifted = await api.post(
        `/admin/post-purchase/suppressions/${suppression.id}/lift`,
        { reason: "Customer asked in the shop to get the newsletter again" },
        admin
      )
      expect(lifted.data.suppression).toEqual(
        expect.objectContaining({ lift_reason: "Customer asked in the shop to get the newsletter again", lifted_by: expect.stringMatching(/^user:/) })
      )
      const again = await api.post(`/admin/post-purchase/suppressions/${suppression.id}/lift`, { reason: "twice" }, admin).catch((e) => e.response)
      expect([again.status, again.data.message]).toEqual([400, expect.stringMatching(/already lifted/)])

      const badConsent = await api.post(url, { granted: true, source: "phone", wording: "Said yes on the phone to Ada" }, admin).catch((e) => e.response)
      expect([badConsent.status, badConsent.data.message]).toEqual([400, expect.stringMatching(/source/)])
      const future = await api
        .post(url, { granted: true, wording: "Said yes on the phone to Ada", given_at: "2099-01-01T00:00:00Z" }, admin)
        .catch((e) => e.response)
      expect([future.status, future.data.message]).toEqual([400, expect.stringMatching(/given_at cannot be in the future/)])
      const notADate = await api
        .post(url, { granted: true, wording: "Said yes on the phone to Ada", given_at: "yesterday" }, admin)
        .catch((e) => e.response)
      expect([notADate.status, notADate.data.message]).toEqual([400, expect.stringMatching(/given_at must be a date and time/)])
      expect(notADate.data.message).not.toMatch(/future/)
    })
  },
})
