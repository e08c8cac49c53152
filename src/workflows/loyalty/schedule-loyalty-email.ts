import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scheduleFlowEmailStep } from "../steps/schedule-flow-email"
import { prepareLoyaltyEmailStep, type LoyaltyEmailEvent } from "./steps/prepare-loyalty-email"

export type ScheduleLoyaltyEmailWorkflowInput = LoyaltyEmailEvent

export const scheduleLoyaltyEmailWorkflowId = "pp-schedule-loyalty-email"

/** Schedules the email a loyalty event calls for (points confirmed, a reward code, …), once per event. */
export const scheduleLoyaltyEmailWorkflow = createWorkflow(scheduleLoyaltyEmailWorkflowId, (input: ScheduleLoyaltyEmailWorkflowInput) => {
  const email = prepareLoyaltyEmailStep(input)
  const scheduled = when("pp-loyalty-email-to-send", { email }, ({ email }) => !!email).then(() => scheduleFlowEmailStep(email!))
  return new WorkflowResponse(transform({ scheduled }, ({ scheduled }) => scheduled ?? []))
})
