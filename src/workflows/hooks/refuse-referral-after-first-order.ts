import { MedusaError, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { earlierOrder, referralMismatch } from "../../lib/loyalty-referrals"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"

/**
 * A referral's discount is for the new customer's first order, and Medusa's
 * promotion rules have no such condition, so the cart refuses the code when
 * its email or customer already has an order, is the referrer's own, or is
 * not the email the code was claimed for. Medusa runs this hook whenever a
 * cart's promotions are computed (a code added, and every refresh after an
 * address, email or item change), so a cart that switches to another email
 * loses nothing silently: it is refused.
 */
updateCartPromotionsWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const action = input.action ?? PromotionActions.ADD
  const codes = (input.promo_codes ?? []) as string[]
  if (action === PromotionActions.REMOVE || !codes.length) {
    return
  }
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const referrals = await loyalty.referralsByPromotionCode(codes)
  if (!referrals.length) {
    return
  }
  const referee = {
    email: (cart.email as string | null | undefined)?.trim().toLowerCase() || null,
    customer_id: (cart.customer_id as string | null | undefined) || null,
  }

  for (const referral of referrals) {
    const mismatch = await referralMismatch(container, referral, referee)
    if (mismatch?.kind === "self_referral") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `promo_codes: the code ${referral.promotion_code} is your own referral: it is for the friends you invite`)
    }
    if (mismatch?.kind === "other_email") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `promo_codes: the code ${referral.promotion_code} is a referral discount claimed for another email address than this cart's (${referee.email})`
      )
    }
  }
  const earlier = await earlierOrder(container, referee)
  if (earlier) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `promo_codes: the code ${referrals[0].promotion_code} is a referral discount for a first order, and ${earlier.by === "email" ? referee.email : "this customer"} has ordered before`
    )
  }
})
