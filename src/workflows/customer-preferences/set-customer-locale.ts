import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { setCustomerLocaleStep } from "./steps/set-customer-locale"

export type SetCustomerLocaleWorkflowInput = { customer_id: string; locale: string | null }

export const setCustomerLocaleWorkflowId = "pp-set-customer-locale"

/**
 * Sets the language a customer's emails are written in when their order has
 * none (Medusa's customer has no such field); the storefront or an admin sets it.
 */
export const setCustomerLocaleWorkflow = createWorkflow(setCustomerLocaleWorkflowId, (input: SetCustomerLocaleWorkflowInput) => {
  // a customer that does not exist is a 404, before anything is written
  useQueryGraphStep({
    entity: "customer",
    fields: ["id"],
    filters: { id: input.customer_id },
    options: { throwIfKeyNotFound: true },
  })
  const preference = setCustomerLocaleStep(input)
  return new WorkflowResponse(preference)
})
