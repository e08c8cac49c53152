import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type LedgerEntryView, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type RecordOrderPointsStepInput = { entries: NewLedgerEntry[] }

/** Entries written per transaction: the daily confirmation can hold many orders, each account locked while it is written. */
const CHUNK = 100

/** A line this run wrote (not one an earlier run wrote with the same key): what the workflow announces. */
export type WrittenLine = { id: string; customer_id: string; order_id: string | null; type: NewLedgerEntry["type"]; points: number }

export const recordOrderPointsStepId = "pp-record-order-points"

/**
 * Appends an order's points to the ledger (earned, confirmed or taken back)
 * through `recordEntries`, which moves the balances under the accounts' row
 * locks. Entries whose idempotency key is already in the ledger are answered,
 * not written again. The compensation reverts each entry this run created,
 * never one an earlier run wrote, and frees their keys so a rerun writes them.
 */
export const recordOrderPointsStep = createStep(
  recordOrderPointsStepId,
  async ({ entries }: RecordOrderPointsStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const recorded: LedgerEntryView[] = []
    const written: WrittenLine[] = []
    // each chunk is whole or nothing; a chunk that fails leaves the ones before it, which a rerun answers by their keys
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK)
      const answers = await loyalty.recordEntries(chunk)
      answers.forEach(({ created, ...answer }, index) => {
        recorded.push(answer)
        if (created) {
          const entry = chunk[index]
          written.push({ id: answer.id, customer_id: entry.customer_id, order_id: entry.order_id ?? null, type: entry.type, points: entry.points })
        }
      })
    }
    return new StepResponse(
      { entries: recorded, written },
      written.map((line) => line.id)
    )
  },
  async (writtenIds: string[] | undefined, { container }) => {
    if (!writtenIds?.length) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await loyalty.revertEntries(writtenIds, "the workflow failed")
  }
)
