import { ContainerRegistrationKeys, MedusaError, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"

/**
 * A referral's discount is for the new customer's first order, and Medusa's
 * promotion rules have no such condition, so the cart refuses the code when
 * its email or customer already has an order, or is the referrer's own.
 * Medusa runs this hook whenever a cart's promotions are computed (a code
 * added, and every refresh after an address, email or item change), so a
 * cart that switches to a known email loses nothing silently: it is refused.
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
  const email = (cart.email as string | null | undefined)?.trim().toLowerCase() || null
  const customerId = (cart.customer_id as string | null | undefined) || null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  for (const referral of referrals) {
    if (customerId === referral.referrer_customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The code ${referral.promotion_code} is your own referral: it is for the friends you invite`)
    }
    if (email) {
      const {
        data: [referrer],
      } = await query.graph({ entity: "customer", fields: ["email"], filters: { id: referral.referrer_customer_id } })
      if (referrer?.email?.toLowerCase() === email) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The code ${referral.promotion_code} is your own referral: it is for the friends you invite`)
      }
    }
  }
  const identities = [
    // ilike: order emails keep the case the customer typed
    ...(email ? [{ email: { $ilike: email } }] : []),
    ...(customerId ? [{ customer_id: customerId }] : []),
  ]
  for (const filter of identities) {
    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "email"], filters: filter as any, pagination: { take: 20 } })
    // `_` is a wildcard to ilike: only an exact match counts
    const matching = "email" in filter ? orders.filter((order: any) => order.email?.toLowerCase() === email) : orders
    if (matching.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The code ${referrals[0].promotion_code} is a referral discount for a first order, and ${"email" in filter ? email : "this customer"} has ordered before`
      )
    }
  }
})
