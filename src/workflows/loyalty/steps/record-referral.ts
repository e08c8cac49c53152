import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { ReferralClaim } from "./prepare-referral-claim"

export type RecordReferralStepInput = { claim: ReferralClaim; promotion_id: string }

export const recordReferralStepId = "pp-record-referral"

/** Records a claimed referral with the promotion made for it; the compensation removes the row, as no order has counted it yet. */
export const recordReferralStep = createStep(
  recordReferralStepId,
  async ({ claim, promotion_id }: RecordReferralStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const referral = await loyalty.createLoyaltyReferrals({
      referrer_customer_id: claim.referrer_customer_id,
      referral_code: claim.referral_code,
      promotion_id,
      promotion_code: claim.promotion_code,
      referee_email: claim.referee_email,
      referee_customer_id: claim.referee_customer_id,
      status: "claimed",
      expires_at: new Date(claim.expires_at),
    })
    return new StepResponse(referral, referral.id)
  },
  async (referralId: string | undefined, { container }) => {
    if (referralId) {
      const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      await loyalty.deleteLoyaltyReferrals(referralId)
    }
  }
)
