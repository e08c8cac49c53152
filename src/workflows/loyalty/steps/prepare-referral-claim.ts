import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { earlierOrder, REFERRAL_CLAIMS_PER_DAY, REFERRAL_DISCOUNT_DAYS } from "../../../lib/loyalty-referrals"
import { LOYALTY_MODULE, type LoyaltySettings } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { groupedCode } from "../../../lib/loyalty-codes"

export type PrepareReferralClaimStepInput = {
  referral_code: string
  /** The new customer's email: the discount is bound to it. A signed-in customer's own when left out. */
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

/** The claim's answer: a new discount to make, or the open one this email already claimed through this code. */
export type PreparedReferralClaim = {
  claim: ReferralClaim
  existing: { referral_id: string; code: string; discount: ReferralClaim["discount"]; expires_at: string } | null
}

const DAY_MS = 24 * 60 * 60 * 1000

export const prepareReferralClaimStepId = "pp-prepare-referral-claim"

/**
 * Checks a referral claim before anything is made: the programme and its
 * referrals are on, the code is a member's, the one claiming is not that
 * member (signed in as them, or with their email) and has never ordered,
 * and the code was not claimed more than `REFERRAL_CLAIMS_PER_DAY` times in
 * the last 24 hours. The same email claiming through the same code again
 * gets its open claim back, not a second discount. Chooses the new
 * discount's code and expiry. No compensation: it only reads.
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
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [
      {
        data: [referrer],
      },
      {
        data: [signedIn],
      },
    ] = await Promise.all([
      query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: account.customer_id } }),
      input.customer_id ? query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: input.customer_id } }) : { data: [] as any[] },
    ])
    const email = (input.email ?? signedIn?.email)?.trim().toLowerCase() || null
    const ownEmail = !!email && referrer?.email?.toLowerCase() === email
    if (input.customer_id === account.customer_id || ownEmail) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "referral_code is your own: a member cannot refer themselves")
    }
    if (!email) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "email is required: the referral discount is for the new customer's email")
    }
    if (await earlierOrder(container, { email, customer_id: input.customer_id ?? null })) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `email ${email} has ordered before: a referral discount is for a new customer's first order`)
    }
    const claimedAt = new Date()
    const open = await loyalty.openReferralClaim(account.referral_code, email, claimedAt)
    if (open) {
      const {
        data: [promotion],
      } = open.promotion_id
        ? await query.graph({
            entity: "promotion",
            fields: ["id", "application_method.type", "application_method.value", "application_method.currency_code"],
            filters: { id: open.promotion_id },
          })
        : { data: [] as any[] }
      const method = (promotion as any)?.application_method
      const discount = method
        ? { kind: method.type, value: Number(method.value), currency_code: method.currency_code ?? null }
        : settings.referrals.discount
      return new StepResponse<PreparedReferralClaim>({
        claim: claimOf(account, settings, email, input.customer_id ?? null, claimedAt, open.promotion_code),
        existing: {
          referral_id: open.id,
          code: open.promotion_code,
          discount,
          expires_at: new Date(open.expires_at ?? claimedAt).toISOString(),
        },
      })
    }
    const claims = await loyalty.referralClaimsSince(account.referral_code, new Date(claimedAt.getTime() - DAY_MS))
    if (claims >= REFERRAL_CLAIMS_PER_DAY) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `referral_code "${account.referral_code}" was claimed ${claims} times in the last 24 hours, the most a member's code can be: try again tomorrow`
      )
    }
    return new StepResponse<PreparedReferralClaim>({
      claim: claimOf(account, settings, email, input.customer_id ?? null, claimedAt, groupedCode("FRIEND")),
      existing: null,
    })
  }
)

function claimOf(
  account: { customer_id: string; referral_code: string },
  settings: LoyaltySettings,
  email: string,
  customerId: string | null,
  claimedAt: Date,
  promotionCode: string
): ReferralClaim {
  return {
    referrer_customer_id: account.customer_id,
    referral_code: account.referral_code,
    promotion_code: promotionCode,
    discount: settings.referrals.discount,
    referee_email: email,
    referee_customer_id: customerId,
    claimed_at: claimedAt.toISOString(),
    expires_at: new Date(claimedAt.getTime() + REFERRAL_DISCOUNT_DAYS * DAY_MS).toISOString(),
  }
}
