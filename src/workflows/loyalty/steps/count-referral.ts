import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { earlierOrder, referralMismatch } from "../../../lib/loyalty-referrals"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type CountReferralStepInput = { order_id: string }

/**
 * What a placed order did for a referral: nothing, refused (the referrer's
 * own order, not the referee's first, another email than the claim's, or a
 * referee counted before; `refusal_reason` says which), or counted, with
 * the referrer's points.
 */
export type CountedReferral = {
  outcome: "no_referral" | "programme_off" | "counted" | "already_counted" | "refused"
  referral_id: string | null
  referrer_customer_id: string | null
  refusal_reason: string | null
  entries: NewLedgerEntry[]
}

export const countReferralStepId = "pp-count-referral"

/**
 * Counts the referral whose discount code a placed order used, once per
 * referee (the same person through a second code is refused), and plans the
 * referrer's bonus: `referrer_points`, pending with that order, so the daily
 * confirmation makes them available when its return window closes and a
 * cancellation takes them back. The cart hook's checks are made again here,
 * since a draft order or an order the admin made never passed it: the
 * referrer's own order, a referee who ordered before, or an email other than
 * the claim's is refused, with its reason on the referral. The compensation
 * puts a count back as claimed; a refusal stays, as the same order would be
 * refused again.
 */
export const countReferralStep = createStep(
  countReferralStepId,
  async ({ order_id }: CountReferralStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const none = (outcome: CountedReferral["outcome"]) =>
      new StepResponse<CountedReferral, string | null>({ outcome, referral_id: null, referrer_customer_id: null, refusal_reason: null, entries: [] }, null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "customer_id", "status", "created_at", "items.adjustments.code", "shipping_methods.adjustments.code"],
      filters: { id: order_id },
    })
    if (!order || order.status === "canceled") {
      return none("no_referral")
    }
    // the codes that really gave the order a discount
    const codes = [
      ...(order.items ?? []).flatMap((item: any) => item?.adjustments ?? []),
      ...(order.shipping_methods ?? []).flatMap((method: any) => method?.adjustments ?? []),
    ]
      .map((adjustment: any) => adjustment?.code)
      .filter((code: unknown): code is string => typeof code === "string" && !!code)
    const [referral] = await loyalty.referralsByPromotionCode(codes)
    if (!referral) {
      return none("no_referral")
    }
    const { settings } = await loyalty.loyaltyProgramme()
    if (!settings.enabled || !settings.referrals.enabled) {
      return none("programme_off")
    }
    const referee = { email: order.email ?? null, customer_id: order.customer_id ?? null }
    const mismatch = await referralMismatch(container, referral, referee)
    const earlier = mismatch ? null : await earlierOrder(container, referee, { except: order_id, before: new Date(order.created_at) })
    const refusal = mismatch?.reason ?? (earlier ? `not a first order: ${earlier.by === "email" ? referee.email : "the customer"} ordered before` : null)
    const count = refusal
      ? await loyalty.refuseReferral({
          referral_id: referral.id,
          order_id,
          reason: refusal,
          referee_email: referee.email,
          referee_customer_id: referee.customer_id,
        })
      : await loyalty.countReferral({
          referral_id: referral.id,
          order_id,
          referee_email: referee.email,
          referee_customer_id: referee.customer_id,
        })
    const points = settings.referrals.referrer_points
    const entries: NewLedgerEntry[] =
      count.outcome !== "refused" && points > 0
        ? [
            {
              customer_id: referral.referrer_customer_id,
              type: "bonus",
              points,
              pending_delta: points,
              // the friend's order number stays out of the referrer's history, as it does of the referral email
              ...ledgerReason("ledger.referralBonus"),
              order_id,
              idempotency_key: `bonus:referral:${order_id}`,
              metadata: { referral_id: referral.id, promotion_code: referral.promotion_code },
            },
          ]
        : []
    return new StepResponse<CountedReferral, string | null>(
      {
        outcome: count.outcome,
        referral_id: referral.id,
        referrer_customer_id: referral.referrer_customer_id,
        refusal_reason: count.outcome === "refused" ? count.referral.refusal_reason : null,
        entries,
      },
      count.outcome === "counted" ? referral.id : null
    )
  },
  async (countedId: string | null | undefined, { container }) => {
    if (countedId) {
      const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      await loyalty.uncountReferral(countedId)
    }
  }
)
