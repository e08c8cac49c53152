import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LedgerEntryView } from "../../../modules/loyalty/service"

export type RecordPointsAdjustmentStepInput = {
  customer_id: string
  /** Positive gives points, negative takes them; both move available and lifetime. */
  points: number
  reason: string
  /** "user:<id>" of the admin. */
  created_by: string
}

export const recordPointsAdjustmentStepId = "pp-record-points-adjustment"

/**
 * Records an admin's `adjust` entry. Taking points never goes below what is
 * available: a correction must not leave a customer owing points. Undone by
 * the opposite entry (`revertEntries`, a `revert` still credited to the
 * admin): the ledger is append-only.
 */
export const recordPointsAdjustmentStep = createStep(
  recordPointsAdjustmentStepId,
  async (input: RecordPointsAdjustmentStepInput, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    try {
      const [{ created: _created, ...entry }] = await service.recordEntries(
        [
          {
            customer_id: input.customer_id,
            type: "adjust",
            points: input.points,
            available_delta: input.points,
            lifetime_delta: input.points,
            reason: input.reason,
            created_by: input.created_by,
          },
        ],
        { requireAvailable: true }
      )
      return new StepResponse<LedgerEntryView, string>(entry, entry.id)
    } catch (e) {
      if (e instanceof MedusaError && e.type === MedusaError.Types.NOT_ALLOWED) {
        // the form shows it at the points field
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `points would take the balance below 0: ${e.message}`)
      }
      throw e
    }
  },
  async (entryId: string | undefined, { container }) => {
    if (!entryId) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.revertEntries([entryId], "the adjustment did not complete")
  }
)
