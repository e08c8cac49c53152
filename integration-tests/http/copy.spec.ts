import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, type SeededStore } from "../../scripts/fixtures/store"
import {
  dispatch,
  followupService,
  freshTestStore,
  followupsOf,
  readMailbox,
  restorePluginOptions,
  testAppEnv,
} from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

/** Intl separates the currency sign with a no-break space; the customer sees a space. */
const plain = (text: string) => text.replace(/\u00a0/g, " ")

const COPY = "/admin/post-purchase/flows/order-confirmation/copy"

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)

    /** Places an order and sends its confirmation now; returns the confirmation as it landed in the mailbox. */
    async function confirmationOf(locale: string) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { locale })
      await followupsOf(container, orderId, 2)
      await dispatch(container)
      const email = readMailbox(mailbox).find((e) => e.meta.data.order_id === orderId && e.flow === "order-confirmation")!
      return { orderId, email: { ...email, text: plain(email.text), subject: email.meta.subject as string } }
    }

    it("an override changes the next email, not the ones already sent, with its variables filled in and HTML escaped", async () => {
      const before = await confirmationOf("nl-NL")
      expect(before.email.text).toContain("Bedankt voor je bestelling, Anna!")

      const saved = await api.post(
        COPY,
        {
          locale: "nl-NL",
          fields: {
            subject: "Bestelling {{order_number}} bij {{shop_name}}",
            heading: "Hoi {{ first_name }}, je bestelling van {{order_total}} is binnen <b>echt</b>",
          },
        },
        admin
      )
      expect(saved.data.copy.fields.heading).toEqual(expect.objectContaining({ overridden: true, text: expect.stringMatching(/^Hoi /) }))
      expect(saved.data.copy.fields.intro.overridden).toBe(false)

      const after = await confirmationOf("nl-NL")
      const number = readMailbox(mailbox).find((e) => e.meta.data.order_id === after.orderId)!.meta.data.order_display_id
      expect(after.email.subject).toBe(`Bestelling ${number} bij Acme Outfitters`)
      expect(after.email.text).toContain("Hoi Anna, je bestelling van € 83,90 is binnen <b>echt</b>")
      expect(after.email.html).toContain("&lt;b&gt;echt&lt;/b&gt;")
      expect(after.email.html).not.toContain("<b>echt</b>")
      // the fields not overridden keep the catalog's text
      expect(after.email.text).toContain("We hebben je bestelling ontvangen")

      // the email sent before is as it was
      const first = readMailbox(mailbox).find((e) => e.stem === before.email.stem)!
      expect(plain(first.text)).toContain("Bedankt voor je bestelling, Anna!")
      // an English order keeps the English text: the override is Dutch
      expect((await confirmationOf("en-GB")).email.text).toContain("Thanks for your order, Anna!")

      // reset to default: the catalog's text again
      const reset = await api.post(`${COPY}/reset`, { locale: "nl" }, admin)
      expect(Object.values(reset.data.copy.fields).map((field: any) => field.overridden)).toEqual([false, false, false, false, false])
      expect(reset.data.copy.fields.heading.text).toBe("Bedankt voor je bestelling, {{first_name}}!")
      const afterReset = await confirmationOf("nl-NL")
      expect(afterReset.email.text).toContain("Bedankt voor je bestelling, Anna!")
      expect(afterReset.email.subject).toMatch(/^Je bestelling #\d+ bij Acme Outfitters is bevestigd$/)
    })

    it("refuses an unknown variable, empty or too long text, naming the field, and saves nothing", async () => {
      const unknown = await refused(api.post(COPY, { locale: "nl-NL", fields: { heading: "Hoi {{voornaam}}" } }, admin))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/heading uses the unknown variable \{\{voornaam\}\}; known variables: \{\{first_name\}\}/)
      for (const [fields, message] of [
        [{ subject: "" }, /subject cannot be empty/],
        [{ intro: "x".repeat(2001) }, /intro can be at most 2000 characters/],
        // Medusa words a wrong type itself, naming the field
        [{ button: 12 }, /field 'fields, button'/],
        [{ footer: "Hoi" }, /footer/],
      ] as const) {
        const response = await refused(api.post(COPY, { locale: "nl-NL", fields }, admin))
        expect([response.status, response.data.message]).toEqual([400, expect.stringMatching(message)])
      }
      const noLocale = await refused(api.post(COPY, { fields: { heading: "Hoi" } }, admin))
      expect([noLocale.status, noLocale.data.message]).toEqual([400, expect.stringMatching(/locale is required/)])
      const badFlow = await refused(api.get("/admin/post-purchase/flows/nope/copy?locale=nl", admin))
      expect(badFlow.status).toBe(400)

      const { data } = await api.get(`${COPY}?locale=nl-NL`, admin)
      expect(data.copy.versions).toEqual([])
      expect(data.copy.variables.map((v: any) => v.token)).toEqual([
        "{{first_name}}",
        "{{order_number}}",
        "{{shop_name}}",
        "{{order_date}}",
        "{{order_total}}",
      ])
    })

    it("keeps every version with who and when; restoring an earlier one adds a version with its fields", async () => {
      await api.post(COPY, { locale: "nl-NL", fields: { heading: "Eerste versie" } }, admin)
      await api.post(COPY, { locale: "nl-BE", fields: { heading: "Tweede versie", button: "Naar de winkel" } }, admin)
      await api.post(`${COPY}/reset`, { locale: "nl" }, admin)
      const restored = await api.post(`${COPY}/restore`, { locale: "nl-NL", version: 1 }, admin)

      const { copy } = restored.data
      expect(copy.language).toBe("nl")
      expect(copy.fields.heading).toEqual(expect.objectContaining({ text: "Eerste versie", overridden: true }))
      expect(copy.fields.button.overridden).toBe(false)
      expect(copy.versions.map((v: any) => [v.version, v.action, v.fields, v.restored_from])).toEqual([
        [4, "restored", { heading: "Eerste versie" }, 1],
        [3, "reset", {}, null],
        [2, "saved", { heading: "Tweede versie", button: "Naar de winkel" }, null],
        [1, "saved", { heading: "Eerste versie" }, null],
      ])
      for (const version of copy.versions) {
        expect(version.created_by).toMatch(/^user:user_/)
        expect(Date.now() - new Date(version.created_at).getTime()).toBeLessThan(60_000)
      }
      // other languages have their own copy
      expect((await api.get(`${COPY}?locale=en`, admin)).data.copy.versions).toEqual([])

      const missing = await refused(api.post(`${COPY}/restore`, { locale: "nl-NL", version: 9 }, admin))
      expect([missing.status, missing.data.message]).toEqual([404, expect.stringMatching(/has no version 9/)])
      const notANumber = await refused(api.post(`${COPY}/restore`, { locale: "nl-NL", version: "1" }, admin))
      expect([notANumber.status, notANumber.data.message]).toEqual([400, expect.stringMatching(/field 'version'/)])
    })

    it("numbers versions saved at the same time one after another", async () => {
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => api.post(COPY, { locale: "de", fields: { heading: `Version ${i}` } }, admin))
      )
      const { data } = await api.get(`${COPY}?locale=de-DE`, admin)
      expect(data.copy.versions.map((v: any) => v.version)).toEqual([6, 5, 4, 3, 2, 1])
    })

    it("previews unsaved copy, and the saved copy without a draft", async () => {
      await api.post(COPY, { locale: "nl-NL", fields: { heading: "Opgeslagen kop" } }, admin)
      const saved = await api.get("/admin/post-purchase/flows/order-confirmation/preview?locale=nl-NL", admin)
      expect(saved.data.text).toContain("Opgeslagen kop")

      const draft = await api.post(
        "/admin/post-purchase/flows/order-confirmation/preview",
        { locale: "nl-NL", copy: { subject: "Concept voor {{first_name}}", heading: "Concept <i>kop</i>" } },
        admin
      )
      expect(draft.data.subject).toBe("Concept voor Anna")
      expect(draft.data.html).toContain("Concept &lt;i&gt;kop&lt;/i&gt;")
      expect(draft.data.text).not.toContain("Opgeslagen kop")
      // the draft is not saved
      expect((await api.get(`${COPY}?locale=nl`, admin)).data.copy.versions).toHaveLength(1)

      const bad = await refused(
        api.post("/admin/post-purchase/flows/order-confirmation/preview", { locale: "nl-NL", copy: { button: "{{kortingscode}}" } }, admin)
      )
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/button uses the unknown variable \{\{kortingscode\}\}/)])
    })

    it("sends a test email with the copy in use to the address typed, without a follow-up", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { locale: "nl-NL" })
      await followupsOf(container, orderId, 2)
      const followupsBefore = await followupService(container).listFollowups({})
      await api.post(`${COPY}`, { locale: "nl-NL", fields: { subject: "Bestelling {{order_number}} is binnen" } }, admin)

      const sent = await api.post(
        "/admin/post-purchase/flows/order-confirmation/test-email",
        { to: "tester@example.com", order_id: orderId },
        admin
      )
      expect(sent.data.test_email).toEqual(expect.objectContaining({ to: "tester@example.com", locale: "nl-NL" }))
      const [email] = readMailbox(mailbox)
      expect(email.meta.to).toBe("tester@example.com")
      expect(email.meta.subject).toMatch(/^\[Test\] Bestelling \d+ is binnen$/)
      expect(email.meta.data).toEqual(expect.objectContaining({ flow: "order-confirmation", test: true, order_id: orderId }))
      expect(plain(email.text)).toContain("€ 83,90")

      // with sample data, in the language asked for
      await api.post("/admin/post-purchase/flows/thank-you/test-email", { to: "tester@example.com", locale: "de-DE" }, admin)
      const sample = readMailbox(mailbox).find((e) => e.flow === "thank-you")!
      expect(sample.meta.subject).toMatch(/^\[Test\] /)
      expect(sample.html).toContain('lang="de-DE"')

      // no follow-up was made or touched, and the order's own confirmation still goes out
      const followupsAfter = await followupService(container).listFollowups({})
      expect(followupsAfter.map((f) => [f.id, f.status, f.attempts])).toEqual(followupsBefore.map((f) => [f.id, f.status, f.attempts]))
      await dispatch(container)
      expect(readMailbox(mailbox).filter((e) => e.meta.data.order_id === orderId && !e.meta.data.test)).toHaveLength(1)

      for (const to of ["not an address", undefined]) {
        const bad = await refused(api.post("/admin/post-purchase/flows/order-confirmation/test-email", { to }, admin))
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/: to must be an email address|Field 'to' is required/)])
      }
      const noOrder = await refused(
        api.post(
          "/admin/post-purchase/flows/order-confirmation/test-email",
          { to: "tester@example.com", order_id: "order_01JDZ9Q4J1K2M3N4P5Q6R7S8T9" },
          admin
        )
      )
      expect(noOrder.status).toBe(404)
    })
  },
})
