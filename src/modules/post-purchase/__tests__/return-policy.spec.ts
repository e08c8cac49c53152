import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { POST_PURCHASE_MODULE } from ".."
import { returnPolicyTermsSchema } from "../../../lib/return-policy"
import { OrderReturnPolicy } from "../models/order-return-policy"
import { ReturnPolicy } from "../models/return-policy"
import PostPurchaseModuleService from "../service"

jest.setTimeout(60_000)

const terms = (window_days: number) =>
  returnPolicyTermsSchema.parse({
    window_days,
    free_returns: true,
    return_methods: ["mail"],
    refund_methods: ["original_payment"],
    refund_days: 14,
  })

const REGION = "reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"
const CHANNEL = "sc_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"

moduleIntegrationTestRunner<PostPurchaseModuleService>({
  moduleName: POST_PURCHASE_MODULE,
  resolve: "./src/modules/post-purchase",
  moduleModels: [ReturnPolicy, OrderReturnPolicy],
  testSuite: ({ service }) => {
    const save = (window: number, scope: "store" | "region" | "sales_channel" = "store", scope_id: string | null = null, retired = false) =>
      service.appendReturnPolicyVersion({ scope, scope_id, terms: terms(window), retired, created_by: "user:user_01" })

    it("numbers versions per scope without gaps or twins, also when admins save at once", async () => {
      const saved = await Promise.all([30, 31, 32, 33, 34, 35].map((days) => save(days)))
      expect(saved.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5, 6])
      expect((await save(20, "region", REGION)).version).toBe(1)
      const history = await service.returnPolicyHistory("store", null)
      expect(history.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1])
      // each version keeps the terms it was saved with
      expect(history.find((v) => v.version === 1)!.terms.window_days).toBe(saved.find((v) => v.version === 1)!.terms.window_days)
    })

    it("puts an order under the region's override, else the sales channel's, else the store's, as they stood when it was placed", async () => {
      await save(30)
      const beforeOverrides = new Date()
      await new Promise((resolve) => setTimeout(resolve, 20))
      await save(40, "sales_channel", CHANNEL)
      await save(50, "region", REGION)
      const order = { region_id: REGION, sales_channel_id: CHANNEL }

      expect((await service.returnPolicyInForce(order))!.terms.window_days).toBe(50)
      expect((await service.returnPolicyInForce({ ...order, region_id: "reg_other" }))!.terms.window_days).toBe(40)
      expect((await service.returnPolicyInForce({}))!.terms.window_days).toBe(30)
      // an order placed before the overrides existed
      expect((await service.returnPolicyInForce({ ...order, at: beforeOverrides }))!.terms.window_days).toBe(30)

      // a removed override falls through to the next
      await save(50, "region", REGION, true)
      expect((await service.returnPolicyInForce(order))!.terms.window_days).toBe(40)
      // only current overrides are listed as in force
      expect((await service.currentReturnPolicies()).map((v) => [v.scope, v.retired])).toEqual(
        expect.arrayContaining([
          ["store", false],
          ["sales_channel", false],
          ["region", true],
        ])
      )
    })

    it("answers an order's version from its record, and from the time it was placed when none was recorded", async () => {
      const v1 = await save(30)
      const placed = new Date()
      await new Promise((resolve) => setTimeout(resolve, 20))
      await save(60)
      await service.createOrderReturnPolicies({ order_id: "order_recorded", policy_id: v1.id })

      const found = await service.orderReturnPolicies([
        { id: "order_recorded", created_at: new Date() },
        { id: "order_older", created_at: placed },
        { id: "order_before_any", created_at: new Date("2020-01-01T00:00:00Z") },
      ])
      expect(found.get("order_recorded")!.version).toBe(1)
      expect(found.get("order_older")!.version).toBe(1)
      expect(found.has("order_before_any")).toBe(false)
      await expect(service.createOrderReturnPolicies({ order_id: "order_recorded", policy_id: v1.id })).rejects.toThrow()
    })
  },
})
