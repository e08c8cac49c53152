import { randomInt } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_DISCOUNT_DAYS } from "../../../lib/loyalty-referrals"
import { LOYALTY_MODULE, type LoyaltySettings } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type PrepareReferralClaimStepInput = {
  referral_code: string
  /** The new customer's email, when the storefront knows it. */
  email?: string | null
  /** The signed-in customer claiming, if any. */
  customer_id?: string | null
}

/** A claim that holds up: whose code, for whom, and the discount code it gets. */
export type ReferralClaim = {
  referrer_customer_id: string
  referral_code: string
  promotion_code: string
  discount: LoyaltySettings["referrals"]["discount"]
  referee_email: string | null
  referee_customer_id: string | null
  claimed_at: string
  expires_at: string
}

const DAY_MS = 24 * 60 * 60 * 1000
// no 0/O or 1/I: the new customer types the code at checkout
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** `FRIEND-XXXX-XXXX`: 40 bits, so a collision with another code is far-fetched. */
function newReferralDiscountCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("")
  return `FRIEND-${group()}-${group()}`
}

export const prepareReferralClaimStepId = "pp-prepare-referral-claim"

/**
 * Checks a referral claim before anything is made: the programme and its
 * referrals are on, the code is a member's, and the one claiming is not that
 * member (signed in as them, or with their email). Chooses the discount's
 * code and expiry. No compensation: it only reads.
 */
export const prepareReferralClaimStep = createStep(
  prepareReferralClaimStepId,
  async (input: PrepareReferralClaimStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    if (!settings.enabled || !settings.referrals.enabled) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Referrals are switched off: referral codes cannot be claimed")
    }
    const account = await loyalty.accountByReferralCode(input.referral_code)
    if (!account) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `referral_code "${input.referral_code}" is not a member's referral code`)
    }
    const email = input.email?.trim().toLowerCase() || null
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [referrer],
    } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: account.customer_id } })
    const ownEmail = !!email && referrer?.email?.toLowerCase() === email
    if (input.customer_id === account.customer_id || ownEmail) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "referral_code is your own: a member cannot refer themselves")
    }
    const claimedAt = new Date()
    const claim: ReferralClaim = {
      referrer_customer_id: account.customer_id,
      referral_code: account.referral_code,
      promotion_code: newReferralDiscountCode(),
      discount: settings.referrals.discount,
      referee_email: email,
      referee_customer_id: input.customer_id ?? null,
      claimed_at: claimedAt.toISOString(),
      expires_at: new Date(claimedAt.getTime() + REFERRAL_DISCOUNT_DAYS * DAY_MS).toISOString(),
    }
    return new StepResponse(claim)
  }
)
