import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { findConfirmablePointsStep, type FindConfirmablePointsStepInput } from "./steps/find-confirmable-points"
import { planLoyaltyConfirmationsStep } from "./steps/plan-loyalty-confirmations"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type ConfirmLoyaltyPointsWorkflowInput = FindConfirmablePointsStepInput

export const confirmLoyaltyPointsWorkflowId = "pp-confirm-loyalty-points"

/** Confirms the pending points of every order that can no longer be returned: they become available to spend. */
export const confirmLoyaltyPointsWorkflow = createWorkflow(
  confirmLoyaltyPointsWorkflowId,
  (input: ConfirmLoyaltyPointsWorkflowInput) => {
    const found = findConfirmablePointsStep(input)
    const lockKeys = transform({ found }, ({ found }) => found.orders.map((order) => orderPointsLockKey(order.order_id)))
    acquireLockStep({ key: lockKeys, ...ORDER_POINTS_LOCK })
    const planned = planLoyaltyConfirmationsStep(found)
    const recorded = recordOrderPointsStep(planned)
    releaseLockStep({ key: lockKeys })
    const result = transform({ recorded }, ({ recorded }) => ({
      confirmed: recorded.map((entry) => ({ order_id: entry.order_id!, points: entry.points })),
    }))
    return new WorkflowResponse(result)
  }
)
