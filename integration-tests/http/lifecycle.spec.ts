import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateRegionsWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  cancelReturn,
  deliverFulfillment,
  fulfillOrder,
  GERMAN_ADDRESS,
  placeOrder,
  receiveReturn,
  requestReturn,
  shipFulfillment,
  type SeededStore,
} from "../../scripts/fixtures/store"
import { reconcile } from "../../src/lib/reconcile"
import {
  DAY_MS,
  dispatch,
  followupService,
  followupsOf,
  restorePluginOptions,
  setPluginOptions,
  TIMING_OFF,
  waitFor,
  testAppEnv,
  freshTestStore,
} from "../helpers/followups"

jest.setTimeout(120_000)

testAppEnv()

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      // the Amsterdam shop ships within the Netherlands in 2 days, abroad in 5
      ;({ store, admin } = await freshTestStore(getContainer(), { options: { ...TIMING_OFF, delivery: { homeCountry: "nl" } } }))
    })
    afterEach(() => restorePluginOptions())

    const thankYouAfterDelivery = () =>
      api.post("/admin/post-purchase/flows/thank-you", { anchor: "delivered", delay_seconds: DAY_MS / 1000 }, admin)

    /** The order's thank-you, once it is (re)timed as `anchorEvent` says. */
    async function thankYou(orderId: string, anchorEvent: string) {
      return await waitFor(async () => {
        const rows = await followupService(getContainer()).listFollowups({ order_id: orderId, flow: "thank-you" })
        return rows.length === 1 && rows[0].anchor_event === anchorEvent && rows[0]
      }, `the thank-you of ${orderId} timed from ${anchorEvent}`)
    }

    async function fulfillmentTimes(fulfillmentId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [fulfillment],
      } = await query.graph({ entity: "fulfillment", fields: ["shipped_at", "delivered_at"], filters: { id: fulfillmentId } })
      return { shipped_at: new Date(fulfillment.shipped_at).getTime(), delivered_at: new Date(fulfillment.delivered_at).getTime() }
    }

    it("times a thank-you the admin anchored on delivery from the shipment plus transit, then re-times the same row to the delivery", async () => {
      const container = getContainer()
      const { data } = await thankYouAfterDelivery()
      expect(data.flow).toEqual(expect.objectContaining({ anchor: "delivered", default_anchor: "placed", delay_seconds: 86400 }))

      const orderId = await placeOrder(container, store)
      await followupsOf(container, orderId, 1)
      await new Promise((resolve) => setTimeout(resolve, 300))
      // nothing is due from the placement but the receipt
      expect((await followupService(container).listFollowups({ order_id: orderId })).map((f) => f.flow)).toEqual([
        "order-confirmation",
      ])

      const fulfillmentId = await fulfillOrder(container, orderId)
      // "don't notify the customer" asks for no notice about the parcel; the timing still follows it
      await shipFulfillment(container, orderId, fulfillmentId, { no_notification: true })
      const estimated = await thankYou(orderId, "delivery.estimated")
      const { shipped_at } = await fulfillmentTimes(fulfillmentId)
      expect(new Date(estimated.anchor_at).getTime()).toBe(shipped_at + 2 * DAY_MS)
      expect(new Date(estimated.send_at).getTime()).toBe(shipped_at + 3 * DAY_MS)

      await deliverFulfillment(container, orderId, fulfillmentId)
      const delivered = await thankYou(orderId, "delivery.created")
      const { delivered_at } = await fulfillmentTimes(fulfillmentId)
      expect(delivered.id).toBe(estimated.id)
      expect(new Date(delivered.anchor_at).getTime()).toBe(delivered_at)
      expect(new Date(delivered.send_at).getTime()).toBe(delivered_at + DAY_MS)
      // the anchor is recorded last, after the follow-ups
      const anchors = await waitFor(async () => {
        const found = await followupService(container).listOrderAnchors({ order_id: orderId })
        return found.length === 3 && found
      }, "the delivered anchor")
      expect(anchors.map((a) => a.anchor).sort()).toEqual(["delivered", "placed", "shipped"])
    })

    it("waits longer for a parcel abroad than at home", async () => {
      const container = getContainer()
      await thankYouAfterDelivery()
      const home = await placeOrder(container, store)
      const abroad = await placeOrder(container, store, { shipping_address: GERMAN_ADDRESS })

      for (const orderId of [home, abroad]) {
        await shipFulfillment(container, orderId, await fulfillOrder(container, orderId))
      }
      const [atHome, inGermany] = [await thankYou(home, "delivery.estimated"), await thankYou(abroad, "delivery.estimated")]
      const shipped = async (orderId: string) => {
        const [anchor] = await followupService(container).listOrderAnchors({ order_id: orderId, anchor: "shipped" })
        return new Date(anchor.occurred_at).getTime()
      }
      expect(new Date(atHome.anchor_at).getTime() - (await shipped(home))).toBe(2 * DAY_MS)
      expect(new Date(inGermany.anchor_at).getTime() - (await shipped(abroad))).toBe(5 * DAY_MS)
    })

    it("takes the home country from the store's default region when it has exactly one country", async () => {
      const container = getContainer()
      const options = followupService(container).getOptions()
      options.delivery.homeCountry = undefined
      await thankYouAfterDelivery()
      const before = await placeOrder(container, store)
      await shipFulfillment(container, before, await fulfillOrder(container, before))
      const unknownHome = await thankYou(before, "delivery.estimated")

      await updateRegionsWorkflow(container).run({ input: { selector: { id: store.region_id }, update: { countries: ["nl"] } } })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [shop],
      } = await query.graph({ entity: "store", fields: ["id"] })
      await updateStoresWorkflow(container).run({ input: { selector: { id: shop.id }, update: { default_region_id: store.region_id } } })
      const after = await placeOrder(container, store)
      await shipFulfillment(container, after, await fulfillOrder(container, after))
      const knownHome = await thankYou(after, "delivery.estimated")

      const transitOf = async (orderId: string, row: { anchor_at: Date | string }) => {
        const [anchor] = await followupService(container).listOrderAnchors({ order_id: orderId, anchor: "shipped" })
        return new Date(row.anchor_at).getTime() - new Date(anchor.occurred_at).getTime()
      }
      // with no home country known, every parcel gets the longer, international estimate: never too early
      expect(await transitOf(before, unknownHome)).toBe(5 * DAY_MS)
      expect(await transitOf(after, knownHome)).toBe(2 * DAY_MS)
    })

    it("counts a split shipment as delivered when its last part is", async () => {
      const container = getContainer()
      await thankYouAfterDelivery()
      const orderId = await placeOrder(container, store)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
      const [first, second] = order.items.map((item: { id: string }) => item.id)

      const firstParcel = await fulfillOrder(container, orderId, { only: [first] })
      await shipFulfillment(container, orderId, firstParcel)
      const estimated = await thankYou(orderId, "delivery.estimated")
      await deliverFulfillment(container, orderId, firstParcel)
      await new Promise((resolve) => setTimeout(resolve, 500))
      // one parcel of two: not delivered yet
      expect(await thankYou(orderId, "delivery.estimated")).toEqual(expect.objectContaining({ id: estimated.id, send_at: estimated.send_at }))

      // the second part ships later: the estimate moves with it
      const secondParcel = await fulfillOrder(container, orderId, { only: [second] })
      await shipFulfillment(container, orderId, secondParcel)
      const { shipped_at: secondShipped } = await fulfillmentTimes(secondParcel)
      const moved = await waitFor(async () => {
        const row = await thankYou(orderId, "delivery.estimated")
        return new Date(row.anchor_at).getTime() === secondShipped + 2 * DAY_MS && row
      }, "the estimate to follow the second part")
      expect(moved.id).toBe(estimated.id)

      await deliverFulfillment(container, orderId, secondParcel)
      const delivered = await thankYou(orderId, "delivery.created")
      const { delivered_at } = await fulfillmentTimes(secondParcel)
      expect(delivered.id).toBe(estimated.id)
      expect(new Date(delivered.send_at).getTime()).toBe(delivered_at + DAY_MS)
    })

    it("starts the delivery estimate of an item that never ships when it is fulfilled, and moves it when the rest ships", async () => {
      const container = getContainer()
      await thankYouAfterDelivery()
      // no shipping profile: a download, a gift card
      const {
        result: [ebook],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Coffee Brewing Guide (PDF)",
              status: "published",
              options: [{ title: "Format", values: ["PDF"] }],
              variants: [{ title: "PDF", options: { Format: "PDF" }, manage_inventory: false, prices: [{ amount: 9, currency_code: "eur" }] }],
              sales_channels: [{ id: store.sales_channel_id }],
            },
          ],
        },
      })
      const orderId = await placeOrder(container, store, {
        items: [
          { variant_id: store.variants[0].id, quantity: 1 },
          { variant_id: ebook.variants[0].id, quantity: 1 },
        ],
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["items.id", "items.requires_shipping"], filters: { id: orderId } })
      const download = order.items.find((item: { requires_shipping: boolean }) => !item.requires_shipping)
      const shirt = order.items.find((item: { requires_shipping: boolean }) => item.requires_shipping)

      const downloadFulfillment = await fulfillOrder(container, orderId, { only: [download.id] })
      const fromDownload = await thankYou(orderId, "delivery.estimated")
      const {
        data: [fulfillment],
      } = await query.graph({ entity: "fulfillment", fields: ["created_at", "requires_shipping"], filters: { id: downloadFulfillment } })
      expect(fulfillment.requires_shipping).toBe(false)
      expect(new Date(fromDownload.anchor_at).getTime()).toBe(new Date(fulfillment.created_at).getTime() + 2 * DAY_MS)

      const parcel = await fulfillOrder(container, orderId, { only: [shirt.id] })
      await shipFulfillment(container, orderId, parcel)
      const { shipped_at } = await fulfillmentTimes(parcel)
      await waitFor(async () => {
        const row = await thankYou(orderId, "delivery.estimated")
        return row.id === fromDownload.id && new Date(row.anchor_at).getTime() === shipped_at + 2 * DAY_MS
      }, "the estimate to follow the parcel")
    })

    it("keeps a transactional flow's anchor: the admin cannot move the receipt, and bad anchors get a 400", async () => {
      const post = (key: string, body: object) =>
        api.post(`/admin/post-purchase/flows/${key}`, body, admin).catch((e: any) => e.response)
      const receipt = await post("order-confirmation", { anchor: "delivered" })
      expect(receipt.status).toBe(400)
      expect(receipt.data.message).toBe('anchor: "order-confirmation" is transactional, so it always counts from "placed"')
      const unknown = await post("thank-you", { anchor: "paid" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/anchor must be one of placed, shipped, delivered/)

      const { data } = await api.get("/admin/post-purchase/flows", admin)
      expect(data.flows.map((f: any) => [f.key, f.anchor])).toEqual([
        ["order-confirmation", "placed"],
        ["thank-you", "placed"],
        ["return-window-closing", "delivered"],
        ["withdrawal-confirmation", "placed"],
        ["review-request", "delivered"],
        ["review-reminder", "delivered"],
        ["feedback-survey", "delivered"],
        // loyalty: scheduled by the loyalty events, their anchor unused
        ["loyalty-points-earned", "placed"],
        ["loyalty-reward-code", "placed"],
        ["loyalty-points-expiring", "placed"],
        ["loyalty-tier-changed", "placed"],
        ["loyalty-referral-success", "placed"],
      ])
    })

    it("makes good a missed shipment and a missed delivery in the reconciliation, as their subscribers would have", async () => {
      const container = getContainer()
      await thankYouAfterDelivery()
      const service = followupService(container)
      const orderId = await placeOrder(container, store)
      await followupsOf(container, orderId, 1)
      const fulfillmentId = await fulfillOrder(container, orderId)

      /** The next `anchor` event's subscriber fails (a database blip), so its workflow rolls back. */
      const failOn = (anchor: string) => {
        const original = service.recordOrderAnchors.bind(service)
        return jest.spyOn(service, "recordOrderAnchors").mockImplementation(async (anchors) => {
          if (anchors.some((a) => a.anchor === anchor)) {
            throw new Error("Connection terminated unexpectedly")
          }
          return original(anchors)
        })
      }
      const thankYous = () => service.listFollowups({ order_id: orderId, flow: "thank-you" })

      const shipmentFails = failOn("shipped")
      await shipFulfillment(container, orderId, fulfillmentId)
      await waitFor(async () => shipmentFails.mock.calls.some(([anchors]) => anchors.some((a) => a.anchor === "shipped")), "the shipment's subscriber")
      await new Promise((resolve) => setTimeout(resolve, 300))
      shipmentFails.mockRestore()
      expect(await thankYous()).toHaveLength(0)

      const tenMinutesOn = () => new Date(Date.now() + 10 * 60_000)
      const first = await reconcile(container, tenMinutesOn())
      expect(first.tracked).toEqual([`shipment_created ${fulfillmentId}`])
      const { shipped_at } = await fulfillmentTimes(fulfillmentId)
      const [estimated] = await thankYous()
      expect([estimated.anchor_event, new Date(estimated.send_at).getTime()]).toEqual(["delivery.estimated", shipped_at + 3 * DAY_MS])

      const deliveryFails = failOn("delivered")
      await deliverFulfillment(container, orderId, fulfillmentId)
      await waitFor(async () => deliveryFails.mock.calls.some(([anchors]) => anchors.some((a) => a.anchor === "delivered")), "the delivery's subscriber")
      await new Promise((resolve) => setTimeout(resolve, 300))
      deliveryFails.mockRestore()
      expect((await thankYous())[0].anchor_event).toBe("delivery.estimated")

      const second = await reconcile(container, tenMinutesOn())
      expect(second.tracked).toEqual([`delivery_created ${fulfillmentId}`])
      const { delivered_at } = await fulfillmentTimes(fulfillmentId)
      const [delivered] = await thankYous()
      expect([delivered.id, delivered.anchor_event, new Date(delivered.send_at).getTime()]).toEqual([
        estimated.id,
        "delivery.created",
        delivered_at + DAY_MS,
      ])
      // done once: the next pass finds nothing
      expect((await reconcile(container, tenMinutesOn())).fulfillment_events).toEqual([])
    })

    describe("returns", () => {
      /** A placed order, shipped and delivered, with its confirmation, thank-you and feedback survey scheduled. */
      async function deliveredOrder(options: Parameters<typeof placeOrder>[2] = {}) {
        const container = getContainer()
        const orderId = await placeOrder(container, store, { marketingConsent: true, ...options })
        await followupsOf(container, orderId, 2)
        const fulfillmentId = await fulfillOrder(container, orderId)
        await shipFulfillment(container, orderId, fulfillmentId)
        await deliverFulfillment(container, orderId, fulfillmentId)
        // the survey is scheduled on the delivery
        await followupsOf(container, orderId, 3)
        return orderId
      }

      const statusOf = async (orderId: string) =>
        Object.fromEntries(
          (await followupService(getContainer()).listFollowups({ order_id: orderId })).map((f) => [f.flow, [f.status, f.status_reason]])
        )

      it("cancels the pending marketing follow-ups once every item is back, and never the receipt", async () => {
        const container = getContainer()
        const orderId = await deliveredOrder()
        const returnId = await requestReturn(container, orderId)
        // requested, not yet back: recorded as pending, nothing canceled (the return may still be canceled)
        const requested = await waitFor(async () => {
          const rows = await followupService(container).listReturnedItems({ return_id: returnId })
          return rows.length === 2 && rows
        }, "the requested items")
        expect(requested.map((r) => [r.requested_quantity, r.received_quantity]).sort()).toEqual([[1, 0], [2, 0]])
        // the delivery scheduled the review request, its reminder and the feedback survey too
        const scheduled = ["scheduled", null]
        expect(await statusOf(orderId)).toEqual({
          "order-confirmation": scheduled,
          "thank-you": scheduled,
          "review-request": scheduled,
          "review-reminder": scheduled,
          "feedback-survey": scheduled,
        })

        await receiveReturn(container, returnId)
        await waitFor(async () => (await statusOf(orderId))["thank-you"][0] === "canceled", "the thank-you canceled")
        const returned = ["canceled", "Every item of the order was returned"]
        expect(await statusOf(orderId)).toEqual({
          "order-confirmation": ["scheduled", null],
          "thank-you": returned,
          "review-request": returned,
          "review-reminder": returned,
          "feedback-survey": returned,
        })
        const received = await followupService(container).listReturnedItems({ order_id: orderId })
        expect(received.map((r) => [r.requested_quantity, r.received_quantity]).sort()).toEqual([[1, 1], [2, 2]])

        // the admin's list says why
        const { data } = await api.get(`/admin/post-purchase/followups?order_id=${orderId}&status=canceled`, admin)
        expect(data.followups.map((f: any) => [f.flow, f.status_reason]).sort()).toEqual(
          ["feedback-survey", "review-reminder", "review-request", "thank-you"].map((flow) => [flow, "Every item of the order was returned"])
        )
      })

      it("keeps the follow-ups of a partial return, records which items came back (received in two parts), and sends the thank-you", async () => {
        const container = getContainer()
        const orderId = await deliveredOrder()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["items.*"], filters: { id: orderId } })
        const twoOf = (order.items as { id: string; quantity: number }[]).find((item) => Number(item.quantity) === 2)!
        const returnId = await requestReturn(container, orderId, [{ id: twoOf.id, quantity: 2 }])
        const receivedOf = (quantity: number) =>
          waitFor(async () => {
            const found = await followupService(container).listReturnedItems({ order_id: orderId })
            return found.length === 1 && found[0].received_quantity === quantity && found
          }, `${quantity} received`)
        // the two bags come back in two parcels: each receipt adds to what came back before
        await receiveReturn(container, returnId, [{ id: twoOf.id, quantity: 1 }])
        await receivedOf(1)
        await receiveReturn(container, returnId, [{ id: twoOf.id, quantity: 1 }])
        const rows = await receivedOf(2)
        expect(rows[0]).toEqual(expect.objectContaining({ line_item_id: twoOf.id, requested_quantity: 2, received_quantity: 2 }))

        await dispatch(container, new Date(Date.now() + DAY_MS + 60_000))
        // the review request, its reminder and the survey wait for their days after the delivery
        expect(await statusOf(orderId)).toEqual({
          "order-confirmation": ["sent", null],
          "thank-you": ["sent", null],
          "review-request": ["scheduled", null],
          "review-reminder": ["scheduled", null],
          "feedback-survey": ["scheduled", null],
        })
      })

      it("decides at send time: skips the thank-you of an order being returned in full, and sends it once that return is canceled", async () => {
        const container = getContainer()
        const returning = await deliveredOrder()
        const changedMind = await deliveredOrder()
        await requestReturn(container, returning)
        // canceling a return emits no event in Medusa 2.21
        await cancelReturn(container, await requestReturn(container, changedMind))

        await dispatch(container, new Date(Date.now() + DAY_MS + 60_000))
        expect((await statusOf(returning))["thank-you"]).toEqual(["skipped", "Every item of the order is being returned"])
        expect((await statusOf(changedMind))["thank-you"]).toEqual(["sent", null])
        expect((await statusOf(returning))["order-confirmation"]).toEqual(["sent", null])
      })
    })

    describe("when marketing email may go out", () => {
      it("holds a thank-you due at night until 08:00 in Amsterdam, across the switch to summer time, and sends the receipt at once", async () => {
        const container = getContainer()
        setPluginOptions(container, { quietHours: { enabled: true, start: "21:00", end: "08:00", timeZone: "Europe/Amsterdam" } })
        const orderId = await placeOrder(container, store, { marketingConsent: true })
        await followupsOf(container, orderId, 2)

        // Saturday 27 March 2027, 23:30 CET; the clocks go forward that night
        const summary = await dispatch(container, new Date("2027-03-27T22:30:00Z"))
        expect(summary).toEqual(expect.objectContaining({ sent: 1, held: 1 }))
        const { "thank-you": held, "order-confirmation": receipt } = await followupsOf(container, orderId, 2)
        expect(receipt.status).toBe("sent")
        expect(held.status).toBe("scheduled")
        // 08:00 CEST is 06:00 UTC, not 07:00
        expect(new Date(held.send_at)).toEqual(new Date("2027-03-28T06:00:00Z"))
        expect(held.status_reason).toBe("Held until 28 Mar 2027, 08:00 Europe/Amsterdam: quiet hours 21:00–08:00 (Europe/Amsterdam)")
        expect(held.attempts).toBe(0)

        expect(await dispatch(container, new Date("2027-03-28T05:59:00Z"))).toEqual(expect.objectContaining({ claimed: 0 }))
        expect(await dispatch(container, new Date("2027-03-28T06:00:00Z"))).toEqual(expect.objectContaining({ sent: 1 }))
      })

      it("sends one marketing email per recipient per day: a second waits a day, and one held back too long is skipped", async () => {
        const container = getContainer()
        setPluginOptions(container, { frequencyCap: { enabled: true, windowHours: 24, maxDeferralDays: 1 } })
        const orders: string[] = []
        for (let i = 0; i < 3; i++) {
          orders.push(await placeOrder(container, store, { marketingConsent: true }))
        }
        for (const orderId of orders) {
          await followupsOf(container, orderId, 2)
        }
        const thankYous = async () =>
          Promise.all(orders.map(async (orderId) => (await followupsOf(container, orderId, 2))["thank-you"]))

        const t0 = Date.now() + DAY_MS + 60_000
        await dispatch(container, new Date(t0))
        const [first, second, third] = await thankYous()
        expect(first.status).toBe("sent")
        for (const waiting of [second, third]) {
          expect(waiting.status).toBe("scheduled")
          // a day after the first went out (counted from the moment the batch decided to send it)
          expect(Math.abs(new Date(waiting.send_at).getTime() - (new Date(first.sent_at!).getTime() + DAY_MS))).toBeLessThan(1_000)
          expect(waiting.status_reason).toMatch(/^Held until .*: at most one marketing email per 24 h, and one went to this recipient at /)
        }

        // a day later the second goes; the third would wait another day, two in all, more than the cap allows
        await dispatch(container, new Date(t0 + DAY_MS + 60_000))
        const [, secondLater, thirdLater] = await thankYous()
        expect(secondLater.status).toBe("sent")
        expect(thirdLater.status).toBe("skipped")
        expect(thirdLater.status_reason).toBe("Held back by the frequency cap for more than 1 day (one marketing email per 24 h)")
      })
    })
  },
})
