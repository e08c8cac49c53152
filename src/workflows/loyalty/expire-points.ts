import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyEvents } from "../../modules/loyalty/events"
import { findExpiringPointsStep, type FindExpiringPointsStepInput } from "./steps/find-expiring-points"
import { markExpiryRemindersStep } from "./steps/mark-expiry-reminders"
import { recordExpiredPointsStep } from "./steps/record-expired-points"

export type ExpireLoyaltyPointsWorkflowInput = FindExpiringPointsStepInput

export const expireLoyaltyPointsWorkflowId = "pp-expire-loyalty-points"

/**
 * Expires the confirmed points whose time has come, by the programme's mode
 * (after months without activity, or each batch months after it was
 * credited, oldest first), and emits `loyalty.points_expiring` once per
 * member and expiry date within the reminder days. Idempotent.
 */
export const expireLoyaltyPointsWorkflow = createWorkflow(expireLoyaltyPointsWorkflowId, (input: ExpireLoyaltyPointsWorkflowInput) => {
  const found = findExpiringPointsStep(input)
  const expired = recordExpiredPointsStep(transform({ found }, ({ found }) => ({ entries: found.entries })))
  const reminded = markExpiryRemindersStep(transform({ found }, ({ found }) => ({ reminders: found.reminders })))
  emitEventStep({ eventName: LoyaltyEvents.POINTS_EXPIRING, data: reminded })
  return new WorkflowResponse(transform({ expired, reminded }, ({ expired, reminded }) => ({ expired, reminded })))
})
