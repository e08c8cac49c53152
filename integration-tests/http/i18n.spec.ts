import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, type SeededStore } from "../../scripts/fixtures/store"
import { customerHeaders } from "../helpers/admin"
import {
  DAY_MS,
  dispatch,
  freshTestStore,
  followupsOf,
  readMailbox,
  restorePluginOptions,
  setPluginOptions,
  testAppEnv,
} from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

/** Intl separates the currency sign with a no-break space; the customer sees a space. */
const plain = (text: string) => text.replace(/\u00a0/g, " ")

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const tomorrow = () => new Date(Date.now() + DAY_MS + 60_000)
    const today = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date())

    /** The order's emails in the mailbox, by flow. */
    const emailsOf = (orderId: string, displayId: number) =>
      Object.fromEntries(
        readMailbox(mailbox)
          .filter((e) => e.meta.data.order_id === orderId || e.meta.data.order_display_id === displayId)
          .map((e) => [e.flow, { ...e, text: plain(e.text), subject: e.meta.subject as string }])
      )

    async function placeAndSend(options: Parameters<typeof placeOrder>[2]) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { marketingConsent: true, ...options })
      const rows = await followupsOf(container, orderId, 2)
      await dispatch(container, tomorrow())
      return { orderId, rows, emails: emailsOf(orderId, -1) }
    }

    it("a cart completed in nl-NL gets the Dutch confirmation and thank-you, with amounts and dates as the Dutch write them", async () => {
      const { rows, emails } = await placeAndSend({ locale: "nl-NL" })
      expect([rows["order-confirmation"].locale, rows["thank-you"].locale]).toEqual(["nl-NL", "nl-NL"])

      const confirmation = emails["order-confirmation"]
      expect(confirmation.subject).toMatch(/^Je bestelling #\d+ bij Acme Outfitters is bevestigd$/)
      expect(confirmation.text).toContain("Bedankt voor je bestelling")
      expect(confirmation.text).toMatch(/Totaal\s+€ 83,90/)
      expect(confirmation.text).toContain(today("nl-NL"))
      expect(today("nl-NL")).toMatch(/^\d{1,2} [a-z]+ \d{4}$/)
      expect(confirmation.html).toContain('lang="nl-NL"')

      const thankYou = emails["thank-you"]
      expect(thankYou.subject).toBe("Bedankt, Anna, namens iedereen bij Acme Outfitters")
      expect(thankYou.text).toContain("Afmelden voor deze e-mails")

      // the unsubscribe page speaks the email's language
      const link = new URL(/^<(.+)>$/.exec(thankYou.meta.headers["List-Unsubscribe"])![1])
      const page = await api.get(`${link.pathname}${link.search}`)
      expect(page.data).toContain('lang="nl-NL"')
      expect(page.data).toContain("Alle marketingmails")
    })

    it("an en order gets English", async () => {
      const { rows, emails } = await placeAndSend({ locale: "en-GB" })
      expect(rows["order-confirmation"].locale).toBe("en-GB")
      expect(emails["order-confirmation"].subject).toMatch(/^Your Acme Outfitters order #\d+ is confirmed$/)
      expect(emails["order-confirmation"].text).toMatch(/Total\s+€83\.90/)
      expect(emails["thank-you"].subject).toBe("Thank you, Anna, from all of us at Acme Outfitters")
    })

    it("an order without a locale follows the chain: the customer's preference, then the region's, then the shop's", async () => {
      const container = getContainer()
      const localeOf = async () => {
        const orderId = await placeOrder(container, store)
        return (await followupsOf(container, orderId, 2))["order-confirmation"].locale
      }
      const { customer, headers } = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      const placeForCleo = async () => {
        const orderId = await placeOrder(container, store, { email: customer.email, customer_id: customer.id })
        return (await followupsOf(container, orderId, 2))["order-confirmation"].locale
      }

      expect(await placeForCleo()).toBe("en")
      // the storefront sets the signed-in customer's language
      const set = await api.post("/store/post-purchase/preferences", { locale: "fr-be" }, { headers })
      expect(set.data.preferences).toEqual(expect.objectContaining({ locale: "fr-BE", languages: ["en", "nl", "de", "fr"] }))
      expect(await placeForCleo()).toBe("fr-BE")
      // an order's own locale wins over it
      const withLocale = await placeOrder(container, store, { email: customer.email, customer_id: customer.id, locale: "nl-NL" })
      expect((await followupsOf(container, withLocale, 2))["order-confirmation"].locale).toBe("nl-NL")

      setPluginOptions(container, { i18n: { defaultLocale: "en", regionLocales: { [store.region_id]: "de-DE" } } })
      expect(await localeOf()).toBe("de-DE")
      // the admin clears Cleo's preference on her customer page: the region's language applies
      const cleared = await api.post(`/admin/post-purchase/customers/${customer.id}/preferences`, { locale: null }, admin)
      expect(cleared.data.preferences.locale).toBeNull()
      expect(await placeForCleo()).toBe("de-DE")
      setPluginOptions(container, { i18n: { defaultLocale: "nl-NL", regionLocales: {} } })
      expect(await localeOf()).toBe("nl-NL")
    })

    it("refuses a language it does not write, naming the field, and a customer that does not exist", async () => {
      const { headers } = await customerHeaders(getContainer(), store.publishable_key, "dana@example.com")
      for (const locale of ["xx", "ja-JP", 12, ""]) {
        const response = await api.post("/store/post-purchase/preferences", { locale }, { headers }).catch((e) => e.response)
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(/locale must be null or a BCP 47 locale/)])
      }
      const unauthenticated = await api
        .post("/store/post-purchase/preferences", { locale: "nl" }, { headers: { "x-publishable-api-key": store.publishable_key } })
        .catch((e) => e.response)
      expect(unauthenticated.status).toBe(401)
      const missing = await api
        .post("/admin/post-purchase/customers/cus_01JDZ9Q4J1K2M3N4P5Q6R7S8T9/preferences", { locale: "nl" }, admin)
        .catch((e) => e.response)
      expect(missing.status).toBe(404)
    })

    it("previews a flow in the language asked for", async () => {
      const { data } = await api.get("/admin/post-purchase/flows/order-confirmation/preview?locale=nl-NL", admin)
      expect(data.locale).toBe("nl-NL")
      expect(data.subject).toBe("Je bestelling #1001 bij Acme Outfitters is bevestigd")
      expect(plain(data.text)).toContain("€ 62,74")
      const bad = await api.get("/admin/post-purchase/flows/order-confirmation/preview?locale=klingon", admin).catch((e) => e.response)
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/locale must be a BCP 47 locale/)])
    })
  },
})
