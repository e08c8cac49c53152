import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type BindCheckoutConsentStepInput = {
  cart_id: string | null
  order_id: string
  email: string | null
  customer_id: string | null
}

export const bindCheckoutConsentStepId = "pp-bind-checkout-consent"

/**
 * A guest's checkout consent counts once the cart became an order: it is
 * bound to the order and its address. Returns the consents bound.
 */
export const bindCheckoutConsentStep = createStep(
  bindCheckoutConsentStepId,
  async (input: BindCheckoutConsentStepInput, { container }) => {
    if (!input.cart_id || !input.email) {
      return new StepResponse([], [])
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const bound = await service.bindCheckoutConsent(input.cart_id, {
      order_id: input.order_id,
      email: input.email,
      customer_id: input.customer_id,
    })
    return new StepResponse(bound, bound.map((record) => record.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.updateConsentRecords(ids.map((id) => ({ id, order_id: null, email: null, customer_id: null })))
    }
  }
)
