import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export const setCustomerLocaleStepId = "pp-set-customer-locale"

/** Stores the language a customer wants their emails in (null: no preference). */
export const setCustomerLocaleStep = createStep(
  setCustomerLocaleStepId,
  async ({ customer_id, locale }: { customer_id: string; locale: string | null }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const [existing] = await service.listCustomerPreferences({ customer_id })
    if (existing) {
      const [updated] = await service.updateCustomerPreferences([{ id: existing.id, locale }])
      return new StepResponse(updated, { id: existing.id, locale: existing.locale, created: false })
    }
    const created = await service.createCustomerPreferences({ customer_id, locale })
    return new StepResponse(created, { id: created.id, locale: null, created: true })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    if (previous.created) {
      await service.deleteCustomerPreferences([previous.id])
    } else {
      await service.updateCustomerPreferences([{ id: previous.id, locale: previous.locale }])
    }
  }
)
