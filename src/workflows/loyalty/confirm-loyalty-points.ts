import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { LoyaltyEvents, type PointsConfirmedData } from "../../modules/loyalty/events"
import { findConfirmablePointsStep, type FindConfirmablePointsStepInput } from "./steps/find-confirmable-points"
import { planLoyaltyConfirmationsStep } from "./steps/plan-loyalty-confirmations"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type ConfirmLoyaltyPointsWorkflowInput = FindConfirmablePointsStepInput

export const confirmLoyaltyPointsWorkflowId = "pp-confirm-loyalty-points"

/**
 * Confirms the pending points of every order that can no longer be returned:
 * they become available to spend. Emits `loyalty.points_confirmed` per order.
 */
export const confirmLoyaltyPointsWorkflow = createWorkflow(
  confirmLoyaltyPointsWorkflowId,
  (input: ConfirmLoyaltyPointsWorkflowInput) => {
    const found = findConfirmablePointsStep(input)
    const lockKeys = transform({ found }, ({ found }) => found.orders.map((order) => orderPointsLockKey(order.order_id)))
    acquireLockStep({ key: lockKeys, ...ORDER_POINTS_LOCK })
    const planned = planLoyaltyConfirmationsStep(found)
    const recorded = recordOrderPointsStep(planned)
    releaseLockStep({ key: lockKeys })
    // only what this run confirmed: a rerun that finds the entries already written announces nothing again
    const confirmed = transform({ recorded }, ({ recorded }) =>
      recorded.written
        .filter((line) => line.type === "confirm")
        .map((line): PointsConfirmedData => ({ customer_id: line.customer_id, order_id: line.order_id!, points: line.points, entry_id: line.id }))
    )
    emitEventStep({ eventName: LoyaltyEvents.POINTS_CONFIRMED, data: confirmed })
    return new WorkflowResponse(transform({ confirmed }, ({ confirmed }) => ({ confirmed })))
  }
)
