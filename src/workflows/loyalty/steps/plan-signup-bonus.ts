import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanSignupBonusStepInput = { customer_id: string }

export const planSignupBonusStepId = "pp-plan-signup-bonus"

/**
 * The programme's `signup` bonus for a customer who created an account
 * (`has_account`; a guest checkout makes a customer without one), available
 * at once, once per customer. No compensation: it only reads.
 */
export const planSignupBonusStep = createStep(
  planSignupBonusStepId,
  async ({ customer_id }: PlanSignupBonusStepInput, { container }) => {
    const none = () => new StepResponse({ entries: [] as NewLedgerEntry[] })
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    const points = settings.bonuses.signup
    if (!settings.enabled || points <= 0) {
      return none()
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: customer_id } })
    if (!customer?.has_account) {
      return none()
    }
    return new StepResponse({
      entries: [
        {
          customer_id,
          type: "bonus",
          points,
          available_delta: points,
          lifetime_delta: points,
          ...ledgerReason("ledger.signupBonus"),
          idempotency_key: `bonus:signup:${customer_id}`,
        },
      ] as NewLedgerEntry[],
    })
  }
)
