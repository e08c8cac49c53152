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

type Recorded = { entry: LedgerEntryView; input: RecordPointsAdjustmentStepInput }

export const recordPointsAdjustmentStepId = "pp-record-points-adjustment"

/**
 * Records an admin's `adjust` entry. Taking points never goes below what is
 * available: a correction must not leave a customer owing points. Undone by
 * the opposite `adjust` entry: the ledger is append-only.
 */
export const recordPointsAdjustmentStep = createStep(
  recordPointsAdjustmentStepId,
  async (input: RecordPointsAdjustmentStepInput, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    try {
      const [entry] = await service.recordEntries(
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
      return new StepResponse(entry, { entry, input } satisfies Recorded)
    } catch (e) {
      if (e instanceof MedusaError && e.type === MedusaError.Types.NOT_ALLOWED) {
        // the form shows it at the points field
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `points would take the balance below 0: ${e.message}`)
      }
      throw e
    }
  },
  async (recorded: Recorded | undefined, { container }) => {
    if (!recorded) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { entry, input } = recorded
    await service.recordEntries([
      {
        customer_id: input.customer_id,
        type: "adjust",
        points: -entry.points,
        available_delta: -entry.available_delta,
        lifetime_delta: -entry.lifetime_delta,
        reason: `Undone: the adjustment “${input.reason.slice(0, 400)}” did not complete`,
        created_by: input.created_by,
        // a retried compensation writes it once
        idempotency_key: `undo:${entry.id}`,
      },
    ])
  }
)
