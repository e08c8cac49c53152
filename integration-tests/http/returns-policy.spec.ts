import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductTagsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { dispatch, followupService, followupsOf, freshTestStore, readMailbox, restorePluginOptions, testAppEnv } from "../helpers/followups"
import { ADMIN_RETURN_POLICY as POLICY, DUTCH_RETURN_TERMS as TERMS } from "../helpers/returns"

jest.setTimeout(120_000)

const mailbox = testAppEnv()



medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)

    async function tagProduct(productId: string, value: string) {
      const {
        result: [tag],
      } = await createProductTagsWorkflow(getContainer()).run({ input: { product_tags: [{ value }] } })
      await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: productId }, update: { tag_ids: [tag.id] } } })
      return tag.id as string
    }

    it("refuses bad terms with a 400 that names the field, and writes nothing", async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ window_days: 400 }, /window_days/],
        [{ window_days: 7.5 }, /field 'window_days'/],
        [{ window_days: 10 }, /window_days must be at least 14: consumers in the EU may withdraw .*region "Europe"/],
        [{ return_fees: [{ currency_code: "eur", amount: -1 }] }, /return_fees.*amount/],
        [{ return_fees: [{ currency_code: "usd", amount: 5 }] }, /return_fees.currency_code: "usd" is not a currency of this store/],
        [{ return_fees: [] }, /return_fees needs a fee/],
        [{ policy_url: "http://shop.example/returns" }, /policy_url must be an https URL/],
        [{ return_methods: ["pigeon"] }, /return_methods must be one of mail, in_store/],
        [{ exclusions: { tag_ids: ["ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"] } }, /exclusions.tag_ids: no product tag ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9/],
        [{ exclusions: { collection_ids: ["nope"] } }, /exclusions.collection_ids must hold collection ids/],
        [{ scope: "region" }, /scope_id must be the region's id/],
        [{ surprise: true }, /surprise/],
      ]
      for (const [patch, message] of cases) {
        const response = await refused(api.post(POLICY, { ...TERMS, ...patch }, admin))
        expect({ patch, status: response.status }).toEqual({ patch, status: 400 })
        expect(response.data.message).toMatch(message)
      }
      // the EU floor also holds for the region's own override
      const region = await refused(api.post(POLICY, { ...TERMS, scope: "region", scope_id: store.region_id, window_days: 13 }, admin))
      expect(region.status).toBe(400)
      expect(region.data.message).toMatch(/^window_days must be at least 14/)

      expect((await api.get(POLICY, admin)).data.policies).toEqual([])
      expect((await api.get(`${POLICY}/versions`, admin)).data.versions).toEqual([])
    })

    it("each save is a new version with who changed what; an override applies to its region until it is removed", async () => {
      const first = await api.post(POLICY, TERMS, admin)
      expect(first.data.policy).toEqual(expect.objectContaining({ scope: "store", version: 1, excluded_count: 0 }))
      expect(first.data.policy.terms).toEqual(expect.objectContaining({ window_days: 30, return_methods: ["mail", "in_store"] }))

      const tagId = await tagProduct(store.products[2].id, "final-sale")
      const second = await api.post(POLICY, { ...TERMS, window_days: 45, exclusions: { tag_ids: [tagId] } }, admin)
      expect(second.data.policy).toEqual(expect.objectContaining({ version: 2, excluded_count: 1 }))

      const { versions } = (await api.get(`${POLICY}/versions`, admin)).data
      expect(versions.map((v: any) => [v.version, v.changes])).toEqual([
        [2, ["window_days", "exclusions"]],
        [1, ["created"]],
      ])
      expect(versions[0].created_by_email).toBe("admin@example.com")
      // version 1 is as it was saved
      expect(versions[1].terms.window_days).toBe(30)

      const override = await api.post(POLICY, { ...TERMS, scope: "region", scope_id: store.region_id, free_returns: true, return_fees: [] }, admin)
      expect(override.data.policy).toEqual(expect.objectContaining({ scope: "region", scope_id: store.region_id, version: 1 }))
      const listed = (await api.get(POLICY, admin)).data
      expect(listed.policies.map((p: any) => [p.scope, p.scope_name, p.version])).toEqual([
        ["store", null, 2],
        ["region", "Europe", 1],
      ])
      expect(listed.regions).toEqual([expect.objectContaining({ id: store.region_id, currency_code: "eur", eu: true })])

      const service = followupService(getContainer())
      expect((await service.returnPolicyInForce({ region_id: store.region_id }))!.terms.free_returns).toBe(true)
      await api.delete(`${POLICY}/overrides/${store.region_id}`, admin)
      expect((await service.returnPolicyInForce({ region_id: store.region_id }))!.terms.window_days).toBe(45)
      expect((await api.get(POLICY, admin)).data.policies.map((p: any) => p.scope)).toEqual(["store"])
      // removed once is removed
      expect((await refused(api.delete(`${POLICY}/overrides/${store.region_id}`, admin))).status).toBe(404)
    })

    /** The confirmation of an order as it landed in the mailbox, text with plain spaces. */
    const confirmationOf = (orderId: string) =>
      readMailbox(mailbox)
        .filter((e) => e.meta.data.order_id === orderId && e.flow === "order-confirmation")
        .map((e) => ({ ...e, text: e.text.replace(/\u00a0/g, " ") }))

    it("an order keeps the version it was placed under: its confirmation quotes it, and its deadline counts from the delivery", async () => {
      const container = getContainer()
      const tagId = await tagProduct(store.products[2].id, "final-sale")
      await api.post(POLICY, { ...TERMS, exclusions: { tag_ids: [tagId] }, withdrawal_exceptions: [] }, admin)
      const orderId = await placeOrder(container, store, { locale: "en-GB" })
      await followupsOf(container, orderId, 2)
      await dispatch(container)
      await api.post(POLICY, { ...TERMS, window_days: 60, free_returns: true, return_fees: [], policy_url: null }, admin)

      // text and HTML both: the window, the fee, how to return, the link
      const [sent] = confirmationOf(orderId)
      expect(sent.text).toContain("You can return items within 30 days of delivery.")
      expect(sent.text).toContain("Return shipping costs €4.95.")
      expect(sent.text).toContain("Send them back by post or bring them to our shop.")
      expect(sent.html).toContain('href="https://shop.example/returns"')
      expect(sent.html).toMatch(/within 30 days of delivery/)
      // rendered again after the change (the admin's test email with this order), it still quotes the order's own version
      await api.post("/admin/post-purchase/flows/order-confirmation/test-email", { to: "me@shop.example", order_id: orderId }, admin)
      const again = readMailbox(mailbox).find((e) => e.meta.to === "me@shop.example")!
      expect(again.text.replace(/\u00a0/g, " ")).toContain("You can return items within 30 days of delivery.")
      expect(again.text).not.toContain("60 days")

      const before = (await api.get(`/admin/post-purchase/orders/${orderId}/return-terms`, admin)).data.return_terms
      expect(before).toEqual(
        expect.objectContaining({ policy: expect.objectContaining({ version: 1 }), eu: true, delivered_at: null, last_day: null, return_fee: 4.95 })
      )
      expect(before.items).toHaveLength(2)
      for (const item of before.items) {
        expect(item).toEqual(expect.objectContaining({ returnable: true, basis: "policy", window_days: 30, last_day: null }))
      }

      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [fulfillment],
      } = await query.graph({ entity: "fulfillment", fields: ["delivered_at"], filters: { id: fulfillmentId } })
      const delivered = new Date(fulfillment.delivered_at)
      const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(delivered)
      const expected = new Date(`${amsterdamDay}T12:00:00Z`)
      expected.setUTCDate(expected.getUTCDate() + 30)

      const after = (await api.get(`/admin/post-purchase/orders/${orderId}/return-terms`, admin)).data.return_terms
      expect(after.delivered_at).toBe(delivered.toISOString())
      expect(after.delivery_estimated).toBe(false)
      expect(after.last_day).toBe(expected.toISOString().slice(0, 10))
      expect(after.policy.version).toBe(1)
      // a new order is placed under the new version
      const laterId = await placeOrder(container, store)
      expect((await api.get(`/admin/post-purchase/orders/${laterId}/return-terms`, admin)).data.return_terms.policy.version).toBe(2)
    })
  },
})
