import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeEmail, POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type LiftSuppressionsStepInput = {
  /** One suppression an admin picked (it must be active), or a recipient's active ones for some scopes. */
  selector: { id: string } | { email: string; scope: string[] }
  lifted_by: string
  reason: string
}

export const liftSuppressionsStepId = "pp-lift-suppressions"

/** Lifts suppressions, keeping who lifted them, when and why. */
export const liftSuppressionsStep = createStep(
  liftSuppressionsStepId,
  async ({ selector, lifted_by, reason }: LiftSuppressionsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const active =
      "id" in selector
        ? await service.listSuppressions({ id: selector.id })
        : await service.listSuppressions({ email: normalizeEmail(selector.email), scope: selector.scope, lifted_at: null })
    if ("id" in selector) {
      if (!active.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Suppression with id "${selector.id}" was not found`)
      }
      if (active[0].lifted_at) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Suppression "${selector.id}" was already lifted`)
      }
    }
    const ids = await service.liftSuppressions(
      active.filter((row) => !row.lifted_at).map((row) => row.id),
      { lifted_by, reason }
    )
    if ("id" in selector && !ids.length) {
      // another admin lifted it while this request ran
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Suppression "${selector.id}" was already lifted`)
    }
    const lifted = ids.length ? await service.listSuppressions({ id: ids }) : []
    return new StepResponse(lifted, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.updateSuppressions(ids.map((id) => ({ id, lifted_at: null, lifted_by: null, lift_reason: null })))
    }
  }
)
