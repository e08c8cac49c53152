import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationsByKey, type NotificationService } from "../../lib/notifications"
import { outcomeAfterFailure } from "../../lib/outcomes"
import { POST_PURCHASE_MODULE, type ClaimedFollowup } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type ClaimDueFollowupsStepInput = {
  /** Overrides the database's clock (ISO string or Date); only tests and the demo move it. */
  now?: string | Date
  ids?: string[]
  limit?: number
}

type Claim = Pick<ClaimedFollowup, "id" | "locked_until" | "attempts" | "config_error_since" | "idempotency_key">

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
      now: input.now ? new Date(input.now) : undefined,
    })
    const claims: Claim[] = claimed.map(({ id, locked_until, attempts, config_error_since, idempotency_key }) => ({
      id,
      locked_until,
      attempts,
      config_error_since,
      idempotency_key,
    }))
    return new StepResponse(claimed, { claims, now: input.now })
  },
  // A later step failed in a way it could not handle itself. Rows that never reached the
  // provider (no notification under their key) are given back with backoff; the others
  // wait for their lease, when the next claim reads what their notification says.
  async (compensation, { container }) => {
    if (!compensation?.claims.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const notifications = container.resolve<NotificationService>(Modules.NOTIFICATION)
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { claims } = compensation
    const reached = await notificationsByKey(notifications, claims.map((claim) => claim.idempotency_key))
    const now = await service.databaseNow(compensation.now ? new Date(compensation.now) : undefined)
    const failure = { kind: "transient" as const, message: "The dispatcher run failed before sending; see the server log" }
    const outcomes = claims
      .filter((claim) => !reached.has(claim.idempotency_key))
      .map((claim) => outcomeAfterFailure(claim, failure, now, service.getOptions().dispatch))
    const given = await service.recordOutcomes(
      outcomes,
      claims.map((claim) => ({ id: claim.id, locked_until: claim.locked_until! }))
    )
    if (given.length) {
      logger.warn(`post-purchase: a dispatcher run failed; ${given.length} follow-ups given back to be tried again`)
    }
  }
)
