import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createPromotionsWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { rewardPromotion } from "./redeem-reward"
import { prepareReferralClaimStep, type PrepareReferralClaimStepInput, type ReferralClaim } from "./steps/prepare-referral-claim"
import { recordReferralStep } from "./steps/record-referral"

export type ClaimReferralWorkflowInput = PrepareReferralClaimStepInput

/** Marks the promotions a referral claim made, on their `metadata`. */
export const REFERRAL_PROMOTION_METADATA = {
  source: "pp_loyalty_referral",
  referrer: "pp_loyalty_referrer_customer_id",
} as const

/**
 * The new customer's first-order discount: the reward's promotion (single
 * use, `limit` 1, the whole order, its own campaign ending with it), but for
 * whoever holds the code, since the new customer may have no account yet.
 * "First order only" is not a promotion rule Medusa has: the cart hook
 * `refuse-referral-after-first-order` enforces it.
 */
export function referralPromotion(claim: ReferralClaim): CreatePromotionDTO {
  const promotion = rewardPromotion(
    {
      customer_id: claim.referee_customer_id ?? "",
      reward: { id: "referral", name: "Referral discount", points_cost: 0, discount: claim.discount, expires_in_days: 0 },
      code: claim.promotion_code,
      redeemed_at: claim.claimed_at,
      expires_at: claim.expires_at,
    },
    ""
  )
  return {
    ...promotion,
    rules: [],
    campaign: {
      name: `Referral ${claim.promotion_code}`,
      description: `First-order discount through ${claim.referral_code}'s referral`,
      campaign_identifier: `pp-referral-${claim.promotion_code.toLowerCase()}`,
      starts_at: new Date(claim.claimed_at),
      ends_at: new Date(claim.expires_at),
    },
    metadata: {
      [REFERRAL_PROMOTION_METADATA.source]: true,
      [REFERRAL_PROMOTION_METADATA.referrer]: claim.referrer_customer_id,
    },
  }
}

export const claimReferralWorkflowId = "pp-claim-referral"

/**
 * A new customer claims a member's referral code with their email: a
 * single-use first-order discount is made for them through Medusa's
 * promotion workflow and the referral recorded with it, bound to that email,
 * so their first order can count it. The same email claiming again through
 * the same code gets its open discount back.
 */
export const claimReferralWorkflow = createWorkflow(claimReferralWorkflowId, (input: ClaimReferralWorkflowInput) => {
  // a member's code is claimed a few times a day at most: one claim at a time keeps the daily cap and one discount per email true
  const lockKey = transform({ input }, ({ input }) => `pp-referral-claim:${String(input.referral_code).trim().toUpperCase()}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const prepared = prepareReferralClaimStep(input)
  const made = when({ prepared }, ({ prepared }) => !prepared.existing).then(() => {
    const claim = transform({ prepared }, ({ prepared }) => prepared.claim)
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ claim }, ({ claim }) => ({ promotionsData: [referralPromotion(claim)] })),
    })
    return recordReferralStep(transform({ claim, promotions }, ({ claim, promotions }) => ({ claim, promotion_id: promotions[0].id })))
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(
    transform({ prepared, made }, ({ prepared, made }) =>
      prepared.existing
        ? prepared.existing
        : {
            referral_id: made!.id,
            code: prepared.claim.promotion_code,
            discount: prepared.claim.discount,
            expires_at: prepared.claim.expires_at,
          }
    )
  )
})
