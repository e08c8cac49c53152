import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE, type WithdrawalDTO } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import { withdrawFromContractWorkflow } from "../../../../workflows/withdrawal"
import { withdrawableOrderView, withdrawalOrderFor, withdrawalView } from "../../../utils/withdrawal-view"
import type { StoreWithdrawalQueryType, StoreWithdrawType } from "../validators"

/**
 * The withdrawal function for storefronts with a page of their own: what of
 * an order can be withdrawn, for the holder of the withdrawal link (`token`)
 * or a signed-in customer (`order_id`, their own orders only).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreWithdrawalQueryType>, res: MedusaResponse) => {
  const order = await withdrawalOrderFor(req.scope, { ...req.validatedQuery, customer_id: req.auth_context?.actor_id || null })
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const withdrawals = (await service.listWithdrawals({ order_id: order.id }, { order: { withdrawn_at: "ASC" } })) as unknown as WithdrawalDTO[]
  res.json({ order: withdrawableOrderView(order, withdrawals) })
}

/**
 * Withdraws from the order: the customer's name and email, the items with
 * their quantities, and `confirm: true`, the separate confirmation. Answers
 * with the Medusa return request it became and the withdrawal's time; the
 * acknowledgement email goes at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreWithdrawType>, res: MedusaResponse) => {
  const { token, order_id, name, email, items } = req.validatedBody
  const customerId = req.auth_context?.actor_id || null
  const order = await withdrawalOrderFor(req.scope, { token, order_id, customer_id: customerId })
  const { result } = await withdrawFromContractWorkflow(req.scope).run({
    input: {
      order_id: order.id,
      name,
      email,
      items,
      channel: token ? "store_link" : "store_customer",
      customer_id: token ? null : customerId,
    },
  })
  res.status(200).json({ return_id: result.return_id, withdrawal: withdrawalView(result.withdrawal) })
}
