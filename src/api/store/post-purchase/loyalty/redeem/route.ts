import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redeemLoyaltyRewardWorkflow } from "../../../../../workflows/loyalty/redeem-reward"
import { storeBalances } from "../../../../utils/store-loyalty-view"
import type { StoreRedeemRewardType } from "../../validators"

/**
 * The signed-in customer spends their own points on a reward and gets its
 * promotion code: single use, for them only, until `expires_at`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRedeemRewardType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await redeemLoyaltyRewardWorkflow(req.scope).run({
    input: { customer_id: customerId, reward_id: req.validatedBody.reward_id },
  })
  const { code, discount, expires_at, points_spent } = result.reward
  res.json({ reward: { code, discount, expires_at, points_spent }, loyalty: await storeBalances(req.scope, customerId) })
}
