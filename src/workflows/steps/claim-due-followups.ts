import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type ClaimedFollowup } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type ClaimDueFollowupsStepInput = {
  /** The dispatcher's clock (ISO string or Date); default now. */
  now?: string | Date
  ids?: string[]
  limit?: number
}

export const claimDueFollowupsStepId = "pp-claim-due-followups"

/**
 * Takes a batch of due follow-ups for this run only; concurrent runs and other
 * workers get other rows.
 */
export const claimDueFollowupsStep = createStep(
  claimDueFollowupsStepId,
  async (input: ClaimDueFollowupsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const { dispatch } = service.getOptions()
    const claimed = await service.claimDueFollowups({
      limit: input.limit ?? dispatch.batchSize,
      leaseSeconds: dispatch.leaseSeconds,
      ids: input.ids,
      now: input.now ? new Date(input.now) : new Date(),
    })
    return new StepResponse(
      claimed,
      claimed.map((row) => ({ id: row.id, locked_until: row.locked_until! }))
    )
  },
  // a later step failed before sending: give the rows back instead of waiting for the lease
  async (leases, { container }) => {
    if (!leases?.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    await service.releaseClaims(leases)
  }
)
