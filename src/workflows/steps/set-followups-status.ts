import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type FollowupDTO, type FollowupStatus } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type SetFollowupsStatusStepInput = {
  /** Which follow-ups: by id, or all of an order (optionally only some flows). */
  selector: { id?: string[]; order_id?: string; flow?: string[] }
  /** Only rows in one of these statuses change; with `ids`, any other status is a 400. */
  from: FollowupStatus[]
  to: "canceled" | "scheduled"
  reason?: string | null
}

type Previous = Pick<
  FollowupDTO,
  "id" | "status" | "status_reason" | "send_at" | "attempts" | "locked_until" | "last_error" | "config_error_since"
>

export const setFollowupsStatusStepId = "pp-set-followups-status"

/**
 * Moves follow-ups between the states an admin or an order event can change:
 * cancel pending ones, or schedule failed ones again (resend).
 */
export const setFollowupsStatusStep = createStep(
  setFollowupsStatusStepId,
  async (input: SetFollowupsStatusStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const fields: (keyof Previous)[] = [
      "id",
      "status",
      "status_reason",
      "send_at",
      "attempts",
      "locked_until",
      "last_error",
      "config_error_since",
    ]

    const ids = input.selector.id && [...new Set(input.selector.id)]
    const selector = ids ? { ...input.selector, id: ids } : input.selector
    const candidates: Previous[] = await service.listFollowups(selector, { select: fields })
    if (ids) {
      const found = new Map(candidates.map((row) => [row.id, row]))
      for (const id of ids) {
        const row = found.get(id)
        if (!row) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Follow-up with id "${id}" was not found`)
        }
        if (!input.from.includes(row.status)) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Follow-up "${id}" is ${row.status}; only ${input.from.join(" or ")} follow-ups can be ${
              input.to === "canceled" ? "canceled" : "sent again"
            }`
          )
        }
      }
    }
    const candidateIds = candidates.filter((row) => input.from.includes(row.status)).map((row) => row.id)

    const change =
      input.to === "canceled"
        ? // a final state: the reason replaces any error an earlier attempt left
          { status: "canceled" as const, status_reason: input.reason ?? null, locked_until: null, last_error: null, config_error_since: null }
        : {
            status: "scheduled" as const,
            status_reason: input.reason ?? null,
            // due now, by the clock the dispatcher claims with
            send_at: await service.databaseNow(),
            attempts: 0,
            locked_until: null,
            config_error_since: null,
          }
    // only rows still in a `from` status change: a dispatcher may have moved one on since the read
    const changedIds = await service.transitionFollowups(candidateIds, input.from, change)
    if (ids && changedIds.length < ids.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Follow-up "${ids.find((id) => !changedIds.includes(id))}" changed while this request ran; reload and try again`
      )
    }
    const previous = candidates.filter((row) => changedIds.includes(row.id))
    const updated = changedIds.length ? await service.listFollowups({ id: changedIds }) : []
    return new StepResponse(updated, { to: change.status, previous })
  },
  // puts back each row this step changed, unless something moved it on since
  async (compensation, { container }) => {
    if (!compensation?.previous.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    for (const { id, ...before } of compensation.previous) {
      await service.transitionFollowups([id], [compensation.to], before)
    }
  }
)
