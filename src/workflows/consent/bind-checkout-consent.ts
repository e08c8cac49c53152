import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ALL_MARKETING } from "../../modules/post-purchase"
import { bindCheckoutConsentStep } from "./steps/bind-checkout-consent"
import { liftSuppressionsStep } from "./steps/lift-suppressions"

export const bindCheckoutConsentWorkflowId = "pp-bind-checkout-consent"

/**
 * An order was placed: the consent its guest gave at checkout now counts for
 * the order's address, and a fresh consent lifts an earlier unsubscribe.
 */
export const bindCheckoutConsentWorkflow = createWorkflow(bindCheckoutConsentWorkflowId, (input: { order_id: string }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "email", "customer_id", "cart.id"],
    filters: { id: input.order_id },
  })
  const bindInput = transform({ orders, input }, ({ orders, input }) => ({
    order_id: input.order_id,
    cart_id: orders[0]?.cart?.id ?? null,
    email: orders[0]?.email ?? null,
    customer_id: orders[0]?.customer_id ?? null,
  }))
  const bound = bindCheckoutConsentStep(bindInput)

  when({ bound }, ({ bound }) => bound.some((record) => record.granted)).then(() => {
    const liftInput = transform({ bindInput }, ({ bindInput }) => ({
      selector: { email: bindInput.email!, scope: [ALL_MARKETING] },
      lifted_by: "guest",
      reason: "Gave consent again (checkout)",
    }))
    liftSuppressionsStep(liftInput)
  })
  return new WorkflowResponse(bound)
})
