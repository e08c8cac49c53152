import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { redeemLoyaltyRewardWorkflow } from "../../../../../workflows/loyalty/redeem-reward"
import { storeBalances } from "../../../../utils/store-loyalty-view"
import type { StoreRedeemRewardType } from "../../validators"

/**
 * The signed-in customer spends their own points on a reward and gets its
 * promotion code: single use, for them only, until `expires_at`. A reward
 * paid out as store credit answers `kind: "store_credit"` with the `amount`
 * credited to their store-credit account in `currency_code`, and no code.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRedeemRewardType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await redeemLoyaltyRewardWorkflow(req.scope).run({
    input: { customer_id: customerId, reward_id: req.validatedBody.reward_id },
  })
  const { code, discount, expires_at, points_spent } = result.reward
  const reward = result.store_credit
    ? {
        kind: "store_credit" as const,
        amount: result.store_credit.amount,
        currency_code: result.store_credit.currency_code,
        store_credit_account_id: result.store_credit.account_id,
        points_spent,
      }
    : { code, discount, expires_at, points_spent }
  res.json({ reward, loyalty: await storeBalances(req.scope, customerId) })
}
