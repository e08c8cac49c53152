import { TZDate } from "@date-fns/tz"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deliverFulfillment, fulfillOrder, placeOrder, requestReturn, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import {
  dispatch,
  followupService,
  freshTestStore,
  readMailbox,
  restorePluginOptions,
  setPluginOptions,
  testAppEnv,
  waitFor,
} from "../helpers/followups"
import { ADMIN_RETURN_POLICY as POLICY, DUTCH_RETURN_TERMS as TERMS } from "../helpers/returns"

jest.setTimeout(180_000)

const mailbox = testAppEnv()

const FLOW = "return-window-closing"
const ZONE = "Europe/Amsterdam"
const MINUTE_MS = 60 * 1000


const NO_CONSENT = "No consent to marketing email: the shop sends marketing only to recipients who opted in (consent.mode opt-in)"

/** The calendar day (YYYY-MM-DD) of a moment in Amsterdam. */
const amsterdamDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(at)

/** 09:00 in Amsterdam, `offset` days from a calendar day. */
function nineAm(day: string, offset: number): Date {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(new TZDate(year, month - 1, date + offset, 9, 0, ZONE).getTime())
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    // quiet hours stay on (the reminder goes at 09:00, after them); the frequency cap is not the subject here
    beforeEach(async () => {
      ;({ store, admin } = await freshTestStore(getContainer(), {
        mailbox,
        options: { frequencyCap: { enabled: false }, delivery: { homeCountry: "nl" } },
      }))
    })
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)
    const listedFlow = async () => (await api.get("/admin/post-purchase/flows", admin)).data.flows.find((f: any) => f.key === FLOW)
    const switchOn = () => api.post(`/admin/post-purchase/flows/${FLOW}`, { enabled: true }, admin)

    const reminderOf = async (orderId: string) => (await followupService(getContainer()).listFollowups({ order_id: orderId, flow: FLOW }))[0]

    /** The order's reminder once it is timed from `anchorEvent` (or has the status asked for). */
    const reminderWhen = (orderId: string, ready: (row: any) => boolean, what: string) =>
      waitFor(async () => {
        const row = await reminderOf(orderId)
        return row && ready(row) && row
      }, `the reminder of ${orderId} ${what}`)

    async function ship(orderId: string) {
      const fulfillmentId = await fulfillOrder(getContainer(), orderId)
      await shipFulfillment(getContainer(), orderId, fulfillmentId)
      return fulfillmentId
    }

    /** Ships and delivers the whole order; resolves once the delivery is recorded, so every flow anchored on it was scheduled. */
    async function deliver(orderId: string, fulfillmentId?: string) {
      const id = fulfillmentId ?? (await ship(orderId))
      await deliverFulfillment(getContainer(), orderId, id)
      await waitFor(
        async () => (await followupService(getContainer()).listOrderAnchors({ order_id: orderId, anchor: "delivered" })).length,
        `the delivery of ${orderId}`
      )
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [fulfillment],
      } = await query.graph({ entity: "fulfillment", fields: ["delivered_at"], filters: { id } })
      return new Date(fulfillment.delivered_at)
    }

    const returnTerms = async (orderId: string) =>
      (await api.get(`/admin/post-purchase/orders/${orderId}/return-terms`, admin)).data.return_terms

    it("off by default; switched on, a delivered order with consent gets it at 09:00 three days before its last day to return, with the date, what can go back and how", async () => {
      const container = getContainer()
      await api.post(POLICY, TERMS, admin)

      // off by default: a delivered order gets nothing from it, and the admin sees when it would go
      expect(await listedFlow()).toEqual(
        expect.objectContaining({
          enabled: false,
          category: "marketing",
          anchor: "delivered",
          due_rule: "3 days before the last day to return, at 09:00 Europe/Amsterdam",
          description: expect.stringContaining("3 days before their last day (plugin option returns.windowClosingDays)"),
        })
      )
      const before = await placeOrder(container, store, { marketingConsent: true })
      await deliver(before)
      expect((await followupService(container).listFollowups({ order_id: before })).map((f) => f.flow).sort()).toEqual([
        "feedback-survey",
        "order-confirmation",
        "review-reminder",
        "review-request",
        "thank-you",
      ])

      // switched on; its timing is its own, so a delay or another anchor is refused, naming the field
      expect((await switchOn()).data.flow).toEqual(expect.objectContaining({ enabled: true, anchor: "delivered" }))
      const delay = await refused(api.post(`/admin/post-purchase/flows/${FLOW}`, { delay_seconds: 60 }, admin))
      expect([delay.status, delay.data.message]).toEqual([400, expect.stringMatching(/^delay_seconds: "return-window-closing" is timed by its own rule/)])
      const anchor = await refused(api.post(`/admin/post-purchase/flows/${FLOW}`, { anchor: "placed" }, admin))
      expect([anchor.status, anchor.data.message]).toEqual([400, 'anchor: "return-window-closing" always counts from "delivered"'])

      const orderId = await placeOrder(container, store, { marketingConsent: true, locale: "en-GB" })
      const fulfillmentId = await ship(orderId)
      // shipped: timed from the estimated delivery (2 days at home), on the estimate's calendar day
      const estimated = await reminderWhen(orderId, (row) => row.anchor_event === "delivery.estimated", "timed from the estimate")
      expect(new Date(estimated.send_at)).toEqual(nineAm(amsterdamDay(new Date(estimated.anchor_at)), 30 - 3))

      // delivered: the same row, timed again from the delivery, still at 09:00 (a shift would keep the estimate's hour)
      const deliveredAt = await deliver(orderId, fulfillmentId)
      const reminder = await reminderWhen(orderId, (row) => row.anchor_event === "delivery.created", "timed from the delivery")
      expect(reminder.id).toBe(estimated.id)
      expect(new Date(reminder.anchor_at)).toEqual(deliveredAt)
      const terms = await returnTerms(orderId)
      expect(terms.last_day).toBe(amsterdamDay(new Date(deliveredAt.getTime() + 30 * 24 * 60 * MINUTE_MS)))
      const due = nineAm(terms.last_day, -3)
      expect(new Date(reminder.send_at)).toEqual(due)

      // a minute before, nothing of it goes out
      await dispatch(container, new Date(due.getTime() - MINUTE_MS))
      expect((await reminderOf(orderId)).status).toBe("scheduled")
      expect(readMailbox(mailbox).filter((e) => e.flow === FLOW)).toEqual([])

      await dispatch(container, due)
      expect((await reminderOf(orderId)).status).toBe("sent")
      const sent = readMailbox(mailbox).filter((e) => e.flow === FLOW)
      expect(sent).toHaveLength(1)
      const [email] = sent
      const text = email.text.replace(/\u00a0/g, " ")
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["display_id"], filters: { id: orderId } })
      const lastDay = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
        new Date(`${terms.last_day}T12:00:00Z`)
      )
      expect(email.meta.data.order_id).toBe(orderId)
      expect(email.meta.subject).toBe(`A few days left to return items from order #${data[0].display_id}`)
      expect(text).toContain(`You can return items from order #${data[0].display_id} until ${lastDay}.`)
      // what can still go back, with its pictures; how; the full policy
      expect(text).toContain("These items can still go back")
      expect(text).toContain("Linen Shirt")
      expect(text).toContain("Organic Coffee Beans")
      expect(email.html).toMatch(/<img[^>]+src="[^"]*linen-shirt\.png"/)
      expect(text).toContain("Send them back by post or bring them to our shop.")
      expect(text).toContain("Return shipping costs €4.95.")
      expect(email.html).toMatch(/<a href="https:\/\/shop\.example\/returns"[^>]*>.*Read our returns policy/s)
      // a marketing email: the unsubscribe link in its footer and its headers
      expect(email.meta.headers["List-Unsubscribe"]).toMatch(/^<http.*\/hooks\/post-purchase\/unsubscribe\?token=/)
      expect(text).toContain("Unsubscribe from these emails")

      // like every flow: the preview with sample data in any language, edited copy, and a test email of this order
      const preview = (await api.get(`/admin/post-purchase/flows/${FLOW}/preview?locale=nl-NL`, admin)).data
      expect(preview.subject).toBe("Nog een paar dagen om artikelen uit bestelling #1001 te retourneren")
      expect(preview.text).toContain("tot en met woensdag 16 april")
      await api.post(`/admin/post-purchase/flows/${FLOW}/copy`, { locale: "en", fields: { subject: "Last call for order {{order_number}}" } }, admin)
      const test = await api.post(`/admin/post-purchase/flows/${FLOW}/test-email`, { to: "ada@example.com", order_id: orderId }, admin)
      expect(test.data.test_email).toEqual(expect.objectContaining({ to: "ada@example.com", subject: `[Test] Last call for order ${data[0].display_id}` }))
      const [testEmail] = readMailbox(mailbox).filter((e) => e.meta.to === "ada@example.com")
      expect(testEmail.text.replace(/\u00a0/g, " ")).toContain(`until ${lastDay}.`)
    })

    it("skipped with the reason when something went back, without consent, or once the window closed; nothing scheduled when the window is too short", async () => {
      const container = getContainer()
      await switchOn()
      await api.post(POLICY, TERMS, admin)

      const returned = await placeOrder(container, store, { marketingConsent: true })
      const noConsent = await placeOrder(container, store, { email: "ben@example.com", customer_id: null })
      const late = await placeOrder(container, store, { marketingConsent: true })
      for (const orderId of [returned, noConsent, late]) {
        await deliver(orderId)
        await reminderWhen(orderId, (row) => row.anchor_event === "delivery.created", "timed from the delivery")
      }
      // one of the two lines goes back: a partial return, which other marketing survives
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["items.*"], filters: { id: returned } })
      await requestReturn(container, returned, [{ id: data[0].items[0].id, quantity: 1 }])

      // the moment the window has closed for all three: each is claimed, and skipped for its own reason
      const { window_closes_at, last_day } = await returnTerms(late)
      await dispatch(container, new Date(new Date(window_closes_at).getTime() + MINUTE_MS))
      const reasons = async (orderId: string) => {
        const row = await reminderOf(orderId)
        return [row.status, row.status_reason]
      }
      expect(await reasons(returned)).toEqual(["skipped", "Something of the order was returned or is being returned"])
      expect(await reasons(noConsent)).toEqual(["skipped", NO_CONSENT])
      expect(await reasons(late)).toEqual(["skipped", `The return window closed on ${last_day}`])
      expect(readMailbox(mailbox).filter((e) => e.flow === FLOW)).toEqual([])

      // a 14-day policy, and 20 days' notice: nothing to send
      await api.post(POLICY, { ...TERMS, window_days: 14 }, admin)
      const shipped = await placeOrder(container, store, { marketingConsent: true })
      const shippedFulfillment = await ship(shipped)
      const estimated = await reminderWhen(shipped, (row) => row.anchor_event === "delivery.estimated", "timed from the estimate")
      setPluginOptions(container, { returns: { ...followupService(container).getOptions().returns, windowClosingDays: 20 } })
      expect((await listedFlow()).due_rule).toBe("20 days before the last day to return, at 09:00 Europe/Amsterdam")

      const tooShort = await placeOrder(container, store, { marketingConsent: true })
      await deliver(tooShort)
      expect(await reminderOf(tooShort)).toBeUndefined()
      // a reminder scheduled from the estimate has nothing to send once the delivery is reported
      await deliver(shipped, shippedFulfillment)
      const skipped = await reminderWhen(shipped, (row) => row.status === "skipped", "skipped")
      expect(skipped.id).toBe(estimated.id)
      expect(skipped.status_reason).toMatch(/^Nothing to send for the delivery of \d{4}-\d{2}-\d{2}T.*: nothing of the order can be returned, or the email's moment has passed$/)
    })
  },
})
