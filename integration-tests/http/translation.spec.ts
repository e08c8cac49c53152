// Medusa's Translation module sits behind a feature flag in 2.21; medusa-config.ts registers it with the flag
process.env.MEDUSA_FF_TRANSLATION = "true"

import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createTranslationsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, type SeededStore } from "../../scripts/fixtures/store"
import { customerHeaders } from "../helpers/admin"
import {
  dispatch,
  freshTestStore,
  followupService,
  followupsOf,
  readMailbox,
  restorePluginOptions,
  testAppEnv,
} from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore

    beforeEach(async () => {
      ;({ store } = await freshTestStore(getContainer(), { mailbox }))
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [shirt],
      } = await query.graph({ entity: "product", fields: ["id", "variants.id", "variants.title"], filters: { title: "Linen Shirt" } })
      const medium = (shirt.variants as { id: string; title: string }[]).find((v) => v.title === "M")!
      await createTranslationsWorkflow(container).run({
        input: {
          translations: [
            { reference_id: shirt.id, reference: "product", locale_code: "nl-NL", translations: { title: "Linnen overhemd" } },
            { reference_id: medium.id, reference: "product_variant", locale_code: "nl-NL", translations: { title: "Maat M" } },
          ],
        },
      })
    })
    afterEach(() => restorePluginOptions())

    /** The text of the order's confirmation, once the dispatcher has sent it. */
    async function confirmationText(orderId: string) {
      await followupsOf(getContainer(), orderId, 2)
      await dispatch(getContainer(), new Date(Date.now() + 60_000))
      const [row] = await followupService(getContainer()).listFollowups({ order_id: orderId, flow: "order-confirmation" })
      return readMailbox(mailbox).find((e) => e.meta.data.followup_id === row.id)!.text
    }

    const mediumShirt = () => [{ variant_id: store.variants.find((v) => v.product_title === "Linen Shirt" && v.title === "M")!.id, quantity: 1 }]

    it("a Dutch order's email shows the product's Dutch title", async () => {
      const orderId = await placeOrder(getContainer(), store, { locale: "nl-NL", items: mediumShirt() })
      const text = await confirmationText(orderId)
      expect(text).toContain("Linnen overhemd")
      expect(text).toContain("Maat M")
      expect(text).not.toContain("Linen Shirt")
    })

    it("an order placed in English for a customer who prefers Dutch gets the Dutch title in its Dutch email", async () => {
      const container = getContainer()
      const { customer, headers } = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      await api.post("/store/post-purchase/preferences", { locale: "nl-NL" }, { headers })
      const orderId = await placeOrder(container, store, { email: customer.email, customer_id: customer.id, items: mediumShirt() })
      const text = await confirmationText(orderId)
      expect(text).toContain("Bedankt voor je bestelling")
      expect(text).toContain("Linnen overhemd")
      expect(text).not.toContain("Linen Shirt")
    })

    it("an English order keeps the English title", async () => {
      const text = await confirmationText(await placeOrder(getContainer(), store, { locale: "en-GB", items: mediumShirt() }))
      expect(text).toContain("Linen Shirt")
    })
  },
})
