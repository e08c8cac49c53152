import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type NewSuppression = {
  email: string
  /** `all`, or a flow's key. */
  scope: string
  source: "unsubscribe" | "withdrawal" | "admin"
  reason: string
}

export const addSuppressionsStepId = "pp-add-suppressions"

/** Puts recipients on the suppression list; one already there for the scope stays as it is. */
export const addSuppressionsStep = createStep(
  addSuppressionsStepId,
  async ({ suppressions }: { suppressions: NewSuppression[] }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const ids = await service.addSuppressions(suppressions)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteSuppressions(ids)
    }
  }
)
