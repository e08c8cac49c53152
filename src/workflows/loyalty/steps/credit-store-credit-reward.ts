import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeCreditAvailable, storeCreditModule, type StoreCreditTransaction } from "../../../lib/store-credit"
import type { RewardRedemption } from "./prepare-reward-redemption"

export type CreditStoreCreditRewardStepInput = { redemption: RewardRedemption; entry_id: string }

/** What the reward put on the customer's store-credit account. */
export type StoreCreditPayout = { account_id: string; transaction_id: string; amount: number; currency_code: string }

type CreditedReward = { transaction_ids: string[] }

/** `reference` on the store-credit transactions a reward makes; `reference_id` is the ledger's `redeem` line. */
export const STORE_CREDIT_REWARD_REFERENCE = "loyalty_reward"

export const creditStoreCreditRewardStepId = "pp-credit-store-credit-reward"

/**
 * Pays a store-credit reward onto the customer's store-credit account in the
 * reward's currency, opening the account when they have none, as the loyalty
 * plugin does for a store-credit refund. It calls the plugin's Store Credit
 * Module the way the plugin's own `credit-account` step does (and undoes it
 * the same way, by deleting the transaction), rather than importing the
 * plugin's workflow: an app without the plugin must never load its code.
 */
export const creditStoreCreditRewardStep = createStep(
  creditStoreCreditRewardStepId,
  async ({ redemption, entry_id }: CreditStoreCreditRewardStepInput, { container }) => {
    const { discount } = redemption.reward
    if (!storeCreditAvailable(container) || !discount.currency_code) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `reward_id "${redemption.reward.id}" is paid as store credit, which needs @medusajs/loyalty-plugin`)
    }
    const storeCredit = storeCreditModule(container)
    const filters = { customer_id: redemption.customer_id, currency_code: discount.currency_code }
    let [account] = await storeCredit.listStoreCreditAccounts(filters)
    if (!account) {
      try {
        account = await storeCredit.createStoreCreditAccounts(filters)
      } catch (e) {
        // a redemption at the same moment opened it first (one account per customer and currency)
        ;[account] = await storeCredit.listStoreCreditAccounts(filters)
        if (!account) throw e
      }
    }
    const transactions: StoreCreditTransaction[] = await storeCredit.creditAccounts([
      {
        account_id: account.id,
        amount: discount.value,
        reference: STORE_CREDIT_REWARD_REFERENCE,
        reference_id: entry_id,
        note: redemption.reward.name,
      },
    ])
    const payout: StoreCreditPayout = {
      account_id: account.id,
      transaction_id: transactions[0].id,
      amount: discount.value,
      currency_code: discount.currency_code,
    }
    return new StepResponse<StoreCreditPayout, CreditedReward>(payout, {
      transaction_ids: transactions.map((transaction) => transaction.id),
    })
  },
  async (credited: CreditedReward | undefined, { container }) => {
    if (!credited) {
      return
    }
    const storeCredit = storeCreditModule(container)
    // the account stays, even one this run opened: another redemption may have been credited to it since
    if (credited.transaction_ids.length) {
      await storeCredit.deleteTransactions(credited.transaction_ids)
    }
  }
)
