import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  beginReturnOrderWorkflow,
  confirmReturnRequestWorkflow,
  createReturnShippingMethodWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWithdrawalStep } from "./steps/create-withdrawal"
import { prepareWithdrawalStep, type PrepareWithdrawalStepInput } from "./steps/prepare-withdrawal"
import { scheduleWithdrawalAcknowledgementStep } from "./steps/schedule-withdrawal-acknowledgement"

export type WithdrawFromContractWorkflowInput = PrepareWithdrawalStepInput

export const withdrawFromContractWorkflowId = "pp-withdraw-from-contract"

/**
 * A customer withdraws from a distance contract (Directive 2011/83/EU,
 * Article 11a): the request is checked against the order's return terms,
 * then becomes a Medusa return request through Medusa's own workflows (begin
 * the return, request the items, add the return shipping option when the shop
 * has one, confirm the request, which emits `order.return_requested`), is
 * recorded, and its acknowledgement is scheduled at once. Without a return
 * shipping option the confirmed request has no shipping method, and the admin
 * completes it. Each step undoes itself when a later one fails.
 */
export const withdrawFromContractWorkflow = createWorkflow(withdrawFromContractWorkflowId, (input: WithdrawFromContractWorkflowInput) => {
  const withdrawal = prepareWithdrawalStep(input)

  const beginInput = transform({ withdrawal }, ({ withdrawal }) => ({
    order_id: withdrawal.order_id,
    location_id: withdrawal.location_id ?? undefined,
    created_by: withdrawal.customer_id,
    description: "Withdrawal from the contract (EU right of withdrawal)",
    internal_note: `Withdrawal stated by ${withdrawal.name} (${withdrawal.email}) on ${withdrawal.withdrawn_at} through ${withdrawal.channel}`,
    metadata: { pp_withdrawal_id: withdrawal.withdrawal_id },
  }))
  const change = beginReturnOrderWorkflow.runAsStep({ input: beginInput })
  const returnId = transform({ change }, ({ change }) => change.return_id!)

  const itemsInput = transform({ withdrawal, returnId }, ({ withdrawal, returnId }) => ({
    return_id: returnId,
    items: withdrawal.items.map((item) => ({ id: item.line_item_id, quantity: item.quantity })),
  }))
  requestItemReturnWorkflow.runAsStep({ input: itemsInput })

  when("pp-withdrawal-has-return-option", { withdrawal }, ({ withdrawal }) => !!withdrawal.shipping_option_id).then(() => {
    const shippingInput = transform({ withdrawal, returnId }, ({ withdrawal, returnId }) => ({
      return_id: returnId,
      shipping_option_id: withdrawal.shipping_option_id!,
      ...(withdrawal.shipping_amount !== null ? { custom_amount: withdrawal.shipping_amount } : {}),
    }))
    createReturnShippingMethodWorkflow.runAsStep({ input: shippingInput })
  })

  const confirmInput = transform({ withdrawal, returnId }, ({ withdrawal, returnId }) => ({
    return_id: returnId,
    confirmed_by: withdrawal.customer_id ?? undefined,
  }))
  confirmReturnRequestWorkflow.runAsStep({ input: confirmInput })

  const recordInput = transform({ withdrawal, returnId }, ({ withdrawal, returnId }) => ({ withdrawal, return_id: returnId }))
  const recorded = createWithdrawalStep(recordInput)
  scheduleWithdrawalAcknowledgementStep(recordInput)

  return new WorkflowResponse(transform({ recorded, returnId }, ({ recorded, returnId }) => ({ withdrawal: recorded, return_id: returnId })))
})
