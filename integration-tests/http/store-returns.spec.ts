import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductTagsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { customerHeaders } from "../helpers/admin"
import { freshTestStore, restorePluginOptions, testAppEnv } from "../helpers/followups"
import { merchantReturnPolicyProblems } from "../helpers/schema-org"
import { ADMIN_RETURN_POLICY as ADMIN_POLICY, DUTCH_RETURN_TERMS as TERMS } from "../helpers/returns"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

const POLICY = "/store/post-purchase/return-policy"
const returnability = (productId: string) => `/store/post-purchase/products/${productId}/returnability`
const deadline = (orderId: string) => `/store/post-purchase/orders/${orderId}/return-deadline`


medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    /** Any answer, errors and 304s included, with its status, headers and body. */
    const get = (url: string, headers: Record<string, string> = {}, key?: string) =>
      api.get(url, {
        headers: { "x-publishable-api-key": key ?? store.publishable_key, ...headers },
        validateStatus: () => true,
      })

    async function tagProduct(productId: string, value: string) {
      const {
        result: [tag],
      } = await createProductTagsWorkflow(getContainer()).run({ input: { product_tags: [{ value }] } })
      await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: productId }, update: { tag_ids: [tag.id] } } })
      return tag.id as string
    }

    /** A second storefront: its own sales channel and publishable key. */
    async function secondStorefront() {
      const container = getContainer()
      const {
        result: [channel],
      } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Marketplace" }] } })
      const {
        result: [key],
      } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Marketplace", type: "publishable", created_by: "" }] } })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
      return { sales_channel_id: channel.id as string, publishable_key: key.token as string }
    }

    /** A region outside the EU, the store selling in dollars too. */
    async function unitedStates() {
      const container = getContainer()
      const {
        data: [defaultStore],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "store", fields: ["id"] })
      await updateStoresWorkflow(container).run({
        input: {
          selector: { id: defaultStore.id },
          update: { supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "usd" }] },
        },
      })
      const {
        result: [region],
      } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] }] },
      })
      return { region_id: region.id as string, store_id: defaultStore.id as string }
    }

    it("serves the policy in force for the key's sales channel and the region, with JSON-LD, cacheable with an ETag", async () => {
      const none = await get(POLICY)
      expect(none.status).toBe(404)
      expect(none.data.message).toMatch(/^The shop has no returns policy for region "Europe" and this sales channel yet/)

      const tagId = await tagProduct(store.products[2].id, "final-sale")
      const coffee = store.products[1].id
      await api.post(
        ADMIN_POLICY,
        { ...TERMS, exclusions: { tag_ids: [tagId] }, withdrawal_exceptions: [{ product_ids: [coffee], exception: "perishable" }] },
        admin
      )

      // no region asked for: the store's only region
      const first = await get(POLICY)
      expect(first.status).toBe(200)
      expect(first.headers["cache-control"]).toBe("public, max-age=300")
      expect(first.headers["etag"]).toMatch(/^"[\w-]{32}"$/)
      expect(first.headers["vary"]).toMatch(/x-publishable-api-key/i)
      const policy = first.data.return_policy
      expect(policy).toEqual(
        expect.objectContaining({
          scope: "store",
          version: 1,
          region: { id: store.region_id, name: "Europe", currency_code: "eur", countries: ["de", "nl"] },
          eu: true,
          window_days: 30,
          free_returns: false,
          return_fee: 4.95,
          currency_code: "eur",
          return_methods: ["mail", "in_store"],
          refund_methods: ["original_payment"],
          refund_days: 14,
          conditions: ["Unused", "In the original packaging"],
          details_markdown: "## Returns\nSend it back **unused**.",
          policy_url: "https://shop.example/returns",
          statutory: { withdrawal_days: 14, counted_from: "delivery", legal_basis: "Directive 2011/83/EU, Article 9" },
        })
      )
      // what can't go back, by the names a storefront shows; excluded products keep the EU's 14 days
      expect(policy.exclusions).toEqual({
        products: [],
        tags: [{ id: tagId, value: "final-sale" }],
        types: [],
        collections: [],
        statutory_window_days: 14,
      })
      expect(policy.withdrawal_exceptions).toEqual([
        {
          exception: "perishable",
          legal_basis: "Directive 2011/83/EU, Article 16(d)",
          products: [{ id: coffee, title: "Organic Coffee Beans", handle: "coffee-beans" }],
          tags: [],
          types: [],
          collections: [],
        },
      ])
      expect(policy.json_ld).toEqual({
        "@context": "https://schema.org",
        "@type": "MerchantReturnPolicy",
        applicableCountry: ["DE", "NL"],
        // the seeded warehouse is in Amsterdam
        returnPolicyCountry: "NL",
        returnPolicyCategory: "https://schema.org/MerchantReturnFiniteReturnWindow",
        merchantReturnDays: 30,
        returnMethod: ["https://schema.org/ReturnByMail", "https://schema.org/ReturnInStore"],
        inStoreReturnsOffered: true,
        returnFees: "https://schema.org/ReturnShippingFees",
        returnShippingFeesAmount: { "@type": "MonetaryAmount", value: 4.95, currency: "EUR" },
        refundType: "https://schema.org/FullRefund",
        merchantReturnLink: "https://shop.example/returns",
      })
      expect(merchantReturnPolicyProblems(policy.json_ld, { document: true })).toEqual([])

      // a conditional GET with the ETag, strong or weak or in a list, gets 304 and no body
      const etag = first.headers["etag"]
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const cached = await get(POLICY, { "if-none-match": ifNoneMatch })
        expect({ ifNoneMatch, status: cached.status }).toEqual({ ifNoneMatch, status: 304 })
        expect(cached.data).toBe("")
        expect(cached.headers["etag"]).toBe(etag)
      }
      expect((await get(POLICY, { "if-none-match": '"something-else"' })).status).toBe(200)

      // a new version changes the answer and its ETag: the old ETag no longer gets 304
      await api.post(ADMIN_POLICY, { ...TERMS, window_days: 45 }, admin)
      const second = await get(POLICY, { "if-none-match": etag })
      expect(second.status).toBe(200)
      expect(second.headers["etag"]).not.toBe(etag)
      expect(second.data.return_policy).toEqual(expect.objectContaining({ version: 2, window_days: 45, withdrawal_exceptions: [] }))
      expect(second.data.return_policy.json_ld.merchantReturnDays).toBe(45)

      // a sales channel's override, for requests through a key of that channel
      const marketplace = await secondStorefront()
      await api.post(
        ADMIN_POLICY,
        {
          ...TERMS,
          scope: "sales_channel",
          scope_id: marketplace.sales_channel_id,
          window_days: 60,
          free_returns: true,
          return_fees: [],
          return_methods: ["mail"],
          refund_methods: ["store_credit", "exchange"],
        },
        admin
      )
      const viaMarketplace = await get(POLICY, {}, marketplace.publishable_key)
      expect(viaMarketplace.data.return_policy).toEqual(
        expect.objectContaining({
          scope: "sales_channel",
          scope_id: marketplace.sales_channel_id,
          version: 1,
          window_days: 60,
          free_returns: true,
          return_fee: 0,
        })
      )
      expect(viaMarketplace.data.return_policy.json_ld).toEqual(
        expect.objectContaining({
          returnMethod: "https://schema.org/ReturnByMail",
          inStoreReturnsOffered: false,
          returnFees: "https://schema.org/FreeReturn",
          refundType: ["https://schema.org/StoreCreditRefund", "https://schema.org/ExchangeRefund"],
        })
      )
      expect(viaMarketplace.data.return_policy.json_ld).not.toHaveProperty("returnShippingFeesAmount")
      // the marketplace channel has no warehouse: where returns go is not said
      expect(viaMarketplace.data.return_policy.json_ld).not.toHaveProperty("returnPolicyCountry")
      expect(merchantReturnPolicyProblems(viaMarketplace.data.return_policy.json_ld, { document: true })).toEqual([])
      // the webshop's key still gets the store's policy
      expect((await get(POLICY)).data.return_policy).toEqual(expect.objectContaining({ scope: "store", version: 2 }))
      // a channel that is not the key's is refused
      const foreign = await get(`${POLICY}?sales_channel_id=${marketplace.sales_channel_id}`)
      expect(foreign.status).toBe(400)
      expect(foreign.data.message).toMatch(/^sales_channel_id: the sales channel is not part of the publishable key/)

      // a region's override for ?region_id=, over the sales channel's
      const us = await unitedStates()
      await api.post(
        ADMIN_POLICY,
        { ...TERMS, scope: "region", scope_id: us.region_id, window_days: 20, return_fees: [{ currency_code: "usd", amount: 7.5 }], return_methods: ["mail"] },
        admin
      )
      for (const key of [store.publishable_key, marketplace.publishable_key]) {
        const american = (await get(`${POLICY}?region_id=${us.region_id}`, {}, key)).data.return_policy
        expect(american).toEqual(
          expect.objectContaining({
            scope: "region",
            scope_id: us.region_id,
            eu: false,
            statutory: null,
            window_days: 20,
            return_fee: 7.5,
            currency_code: "usd",
            exclusions: expect.objectContaining({ statutory_window_days: null }),
          })
        )
        expect(american.json_ld).toEqual(
          expect.objectContaining({
            applicableCountry: "US",
            merchantReturnDays: 20,
            returnShippingFeesAmount: { "@type": "MonetaryAmount", value: 7.5, currency: "USD" },
          })
        )
        expect(merchantReturnPolicyProblems(american.json_ld, { document: true })).toEqual([])
      }

      // two regions and no default: the storefront must say which; with a default, that one
      const ambiguous = await get(POLICY)
      expect(ambiguous.status).toBe(400)
      expect(ambiguous.data.message).toMatch(/^region_id is required: the store has several regions and no default region/)
      await updateStoresWorkflow(getContainer()).run({ input: { selector: { id: us.store_id }, update: { default_region_id: store.region_id } } })
      expect((await get(POLICY)).data.return_policy.region.name).toBe("Europe")

      // a key serving both channels: their policies differ, so the storefront names its channel
      const {
        data: [webshopKey],
      } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "api_key", fields: ["id"], filters: { token: store.publishable_key } })
      await linkSalesChannelsToApiKeyWorkflow(getContainer()).run({ input: { id: webshopKey.id, add: [marketplace.sales_channel_id] } })
      const unnamed = await get(POLICY)
      expect(unnamed.status).toBe(400)
      expect(unnamed.data.message).toMatch(/^sales_channel_id is required: this publishable key serves sales channels with different returns policies/)
      const named = await get(`${POLICY}?sales_channel_id=${marketplace.sales_channel_id}`)
      expect(named.data.return_policy).toEqual(expect.objectContaining({ scope: "sales_channel", scope_id: marketplace.sales_channel_id }))

      // bad input: a 400 that names the field
      const cases: [string, RegExp][] = [
        [`${POLICY}?region_id=reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9`, /region_id: there is no region reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9 in this store/],
        [`${POLICY}?region_id=europe`, /region_id must be an id like/],
        [`${POLICY}?sales_channel_id=nope`, /sales_channel_id must be an id like/],
        [`${POLICY}?surprise=1`, /surprise/],
      ]
      for (const [url, message] of cases) {
        const refused = await get(url)
        expect({ url, status: refused.status }).toEqual({ url, status: 400 })
        expect(refused.data.message).toMatch(message)
      }
    })

    it("reports a product's returnability by the same rule as orders: excluded, statutory in the EU, or an Article 16 exception", async () => {
      const [shirt, coffee, tote] = store.products.map((product) => product.id)
      const us = await unitedStates()
      const asked = async (productId: string, regionId: string, key?: string) => {
        const response = await get(`${returnability(productId)}?region_id=${regionId}`, {}, key)
        expect({ productId, regionId, status: response.status }).toEqual({ productId, regionId, status: 200 })
        const found = response.data.returnability
        expect({ productId, regionId, problems: merchantReturnPolicyProblems(found.json_ld, { document: false }) }).toEqual({
          productId,
          regionId,
          problems: [],
        })
        // the product form goes under hasMerchantReturnPolicy, inside the product's own document
        expect(found.json_ld).not.toHaveProperty("@context")
        return { ...found, etag: response.headers["etag"] as string, cacheControl: response.headers["cache-control"] as string }
      }

      // no policy saved: the EU's 14 days still hold; elsewhere nothing can be said to be returnable
      expect(await asked(shirt, store.region_id)).toEqual(
        expect.objectContaining({ returnable: true, basis: "statutory", reason: null, window_days: 14, policy: null, return_fee: null })
      )
      const nothing = await asked(shirt, us.region_id)
      expect(nothing).toEqual(expect.objectContaining({ returnable: false, reason: "no_policy", window_days: null }))
      expect(nothing.json_ld).toEqual({
        "@type": "MerchantReturnPolicy",
        applicableCountry: "US",
        returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
      })

      const tagId = await tagProduct(tote, "final-sale")
      await api.post(
        ADMIN_POLICY,
        {
          ...TERMS,
          return_fees: [
            { currency_code: "eur", amount: 4.95 },
            { currency_code: "usd", amount: 5.5 },
          ],
          exclusions: { tag_ids: [tagId] },
          withdrawal_exceptions: [{ product_ids: [coffee], exception: "perishable" }],
        },
        admin
      )

      const shirtInEurope = await asked(shirt, store.region_id)
      expect(shirtInEurope).toEqual(
        expect.objectContaining({
          product_id: shirt,
          region_id: store.region_id,
          eu: true,
          returnable: true,
          basis: "policy",
          reason: null,
          window_days: 30,
          free_returns: false,
          return_fee: 4.95,
          currency_code: "eur",
          policy: expect.objectContaining({ scope: "store", version: 1 }),
          policy_url: "https://shop.example/returns",
          cacheControl: "public, max-age=300",
        })
      )
      expect(shirtInEurope.json_ld).toEqual({
        "@type": "MerchantReturnPolicy",
        applicableCountry: ["DE", "NL"],
        returnPolicyCountry: "NL",
        returnPolicyCategory: "https://schema.org/MerchantReturnFiniteReturnWindow",
        merchantReturnDays: 30,
        returnMethod: ["https://schema.org/ReturnByMail", "https://schema.org/ReturnInStore"],
        inStoreReturnsOffered: true,
        returnFees: "https://schema.org/ReturnShippingFees",
        returnShippingFeesAmount: { "@type": "MonetaryAmount", value: 4.95, currency: "EUR" },
        refundType: "https://schema.org/FullRefund",
        merchantReturnLink: "https://shop.example/returns",
      })
      const cached = await get(`${returnability(shirt)}?region_id=${store.region_id}`, { "if-none-match": shirtInEurope.etag })
      expect(cached.status).toBe(304)
      expect(cached.data).toBe("")

      // excluded by its tag: not returnable in the United States, the statutory 14 days in the EU
      const toteInUs = await asked(tote, us.region_id)
      expect(toteInUs).toEqual(
        expect.objectContaining({ eu: false, returnable: false, basis: null, reason: "excluded", window_days: null, return_fee: 5.5, currency_code: "usd" })
      )
      expect(toteInUs.json_ld).toEqual({
        "@type": "MerchantReturnPolicy",
        applicableCountry: "US",
        returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
        merchantReturnLink: "https://shop.example/returns",
      })
      const toteInEurope = await asked(tote, store.region_id)
      expect(toteInEurope).toEqual(
        expect.objectContaining({
          eu: true,
          returnable: true,
          basis: "statutory",
          reason: null,
          window_days: 14,
          legal_basis: "Directive 2011/83/EU, Article 9",
        })
      )
      expect(toteInEurope.json_ld).toEqual(
        expect.objectContaining({
          returnPolicyCategory: "https://schema.org/MerchantReturnFiniteReturnWindow",
          merchantReturnDays: 14,
          // refunded with the means of payment used, as the law says
          refundType: "https://schema.org/FullRefund",
        })
      )

      // an Article 16 exception: not returnable, in the EU too
      for (const regionId of [store.region_id, us.region_id]) {
        const perishable = await asked(coffee, regionId)
        expect(perishable).toEqual(
          expect.objectContaining({
            returnable: false,
            reason: "withdrawal_exception",
            withdrawal_exception: "perishable",
            legal_basis: "Directive 2011/83/EU, Article 16(d)",
            window_days: null,
          })
        )
        expect(perishable.json_ld.returnPolicyCategory).toBe("https://schema.org/MerchantReturnNotPermitted")
      }

      // unknown, unpublished, or not sold through the key's channel: not found
      const marketplace = await secondStorefront()
      await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: tote }, update: { status: ProductStatus.DRAFT } } })
      for (const [productId, key] of [
        ["prod_01JDZ9Q4J1K2M3N4P5Q6R7S8T9", store.publishable_key],
        [tote, store.publishable_key],
        [shirt, marketplace.publishable_key],
      ]) {
        const missing = await get(returnability(productId), {}, key)
        expect({ productId, status: missing.status }).toEqual({ productId, status: 404 })
        expect(missing.data.message).toBe(`Product with id: ${productId} was not found`)
      }
      const malformed = await get(returnability("shirt"))
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toMatch(/id must be an id like/)
      const unknownRegion = await get(`${returnability(shirt)}?region_id=reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9`)
      expect(unknownRegion.status).toBe(400)
      expect(unknownRegion.data.message).toMatch(/region_id: there is no region/)
    })

    it("tells a signed-in customer the return deadline of their delivered order, and no one else", async () => {
      const container = getContainer()
      const coffee = store.products[1].id
      await api.post(ADMIN_POLICY, { ...TERMS, withdrawal_exceptions: [{ product_ids: [coffee], exception: "perishable" }] }, admin)
      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      // a linen shirt and coffee beans
      const orderId = await placeOrder(container, store, { customer_id: cleo.customer.id, email: "cleo@example.com" })

      const before = await api.get(deadline(orderId), { headers: cleo.headers })
      expect(before.data.return_deadline).toEqual(
        expect.objectContaining({
          order_id: orderId,
          policy: expect.objectContaining({ scope: "store", version: 1 }),
          eu: true,
          delivered_at: null,
          last_day: null,
          window_closes_at: null,
          return_fee: 4.95,
        })
      )

      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const {
        data: [fulfillment],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "fulfillment", fields: ["delivered_at"], filters: { id: fulfillmentId } })
      const delivered = new Date(fulfillment.delivered_at)
      // 30 days after the delivery's day in the shop's time zone
      const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(delivered)
      const expected = new Date(`${amsterdamDay}T12:00:00Z`)
      expected.setUTCDate(expected.getUTCDate() + 30)
      const lastDay = expected.toISOString().slice(0, 10)

      const after = (await api.get(deadline(orderId), { headers: cleo.headers })).data.return_deadline
      expect(after).toEqual(
        expect.objectContaining({
          delivered_at: delivered.toISOString(),
          delivery_estimated: false,
          last_day: lastDay,
          policy: expect.objectContaining({ version: 1 }),
        })
      )
      // the window closes when that day ends in Amsterdam
      const closes = new Date(after.window_closes_at)
      expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(closes)).toBe(lastDay)
      expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(closes.getTime() + 1))).not.toBe(lastDay)
      const byTitle = Object.fromEntries(after.items.map((item: any) => [item.title, item]))
      expect(Object.keys(byTitle).sort()).toEqual(["Linen Shirt", "Organic Coffee Beans"])
      expect(byTitle["Linen Shirt"]).toEqual(expect.objectContaining({ returnable: true, basis: "policy", window_days: 30, last_day: lastDay, reason: null }))
      expect(byTitle["Organic Coffee Beans"]).toEqual(
        expect.objectContaining({ returnable: false, basis: null, last_day: null, reason: "withdrawal_exception", withdrawal_exception: "perishable" })
      )

      // another customer's order is not found, worded as an order that does not exist
      const dana = await customerHeaders(container, store.publishable_key, "dana@example.com")
      const someoneElses = await get(deadline(orderId), dana.headers)
      expect(someoneElses.status).toBe(404)
      expect(someoneElses.data.message).toBe(`Order with id: ${orderId} was not found`)
      const unknown = await get(deadline("order_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"), dana.headers)
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("Order with id: order_01JDZ9Q4J1K2M3N4P5Q6R7S8T9 was not found")
      // signed out: not at all
      expect((await get(deadline(orderId))).status).toBe(401)
    })
  },
})
