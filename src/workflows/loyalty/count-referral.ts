import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { LoyaltyEvents, type ReferralSucceededData } from "../../modules/loyalty/events"
import { countReferralStep, type CountReferralStepInput } from "./steps/count-referral"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type CountReferralWorkflowInput = CountReferralStepInput

export const countReferralWorkflowId = "pp-count-referral"

/**
 * A placed order that used a referral's discount counts that referral, once
 * per new customer: the referrer gets `referrer_points` pending with the
 * order, and `loyalty.referral_succeeded` is emitted.
 */
export const countReferralWorkflow = createWorkflow(countReferralWorkflowId, (input: CountReferralWorkflowInput) => {
  // a cancellation handled at the same moment either sees the bonus or leaves the order canceled for it
  const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
  acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
  const counted = countReferralStep(input)
  const recorded = recordOrderPointsStep(transform({ counted }, ({ counted }) => ({ entries: counted.entries })))
  releaseLockStep({ key: lockKey })
  // only a count this run made is announced: the event delivered twice announces once
  const succeeded = transform({ counted, recorded, input }, ({ counted, recorded, input }): ReferralSucceededData[] => {
    if (counted.outcome !== "counted" || !counted.referrer_customer_id) {
      return []
    }
    const line = recorded.written.find((written) => written.type === "bonus")
    return [{ referrer_customer_id: counted.referrer_customer_id, order_id: input.order_id, points: line?.points ?? 0, entry_id: line?.id ?? null }]
  })
  emitEventStep({ eventName: LoyaltyEvents.REFERRAL_SUCCEEDED, data: succeeded })
  return new WorkflowResponse(transform({ counted, succeeded }, ({ counted, succeeded }) => ({ outcome: counted.outcome, referral_id: counted.referral_id, refusal_reason: counted.refusal_reason, succeeded })))
})
