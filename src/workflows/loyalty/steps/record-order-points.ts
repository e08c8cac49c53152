import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type LedgerEntryView, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { undoEntry } from "../../../lib/loyalty-order-points"

export type RecordOrderPointsStepInput = { entries: NewLedgerEntry[] }

/** Entries written per transaction: the daily confirmation can hold many orders, each account locked while it is written. */
const CHUNK = 100

type Written = NewLedgerEntry & { id: string }

/** A line this run wrote (not one an earlier run wrote with the same key): what the workflow announces. */
export type WrittenLine = { id: string; customer_id: string; order_id: string | null; type: NewLedgerEntry["type"]; points: number }

export const recordOrderPointsStepId = "pp-record-order-points"

/**
 * Appends an order's points to the ledger (earned, confirmed or taken back)
 * through `recordEntries`, which moves the balances under the accounts' row
 * locks. Entries whose idempotency key is already in the ledger are answered,
 * not written again. The compensation appends the opposite of each entry this
 * run wrote, never of one an earlier run wrote, and deletes nothing.
 */
export const recordOrderPointsStep = createStep(
  recordOrderPointsStepId,
  async ({ entries }: RecordOrderPointsStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const recorded: LedgerEntryView[] = []
    const written: Written[] = []
    // each chunk is whole or nothing; a chunk that fails leaves the ones before it, which a rerun answers by their keys
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK)
      const keys = chunk.map((entry) => entry.idempotency_key).filter((key): key is string => !!key)
      const known = keys.length
        ? new Set(
            (await loyalty.listLoyaltyEntries({ idempotency_key: keys }, { select: ["idempotency_key"] })).map(
              (entry) => entry.idempotency_key
            )
          )
        : new Set<string | null>()
      const answers = await loyalty.recordEntries(chunk)
      answers.forEach((answer, index) => {
        recorded.push(answer)
        const entry = chunk[index]
        if (!entry.idempotency_key || !known.has(entry.idempotency_key)) {
          written.push({ ...entry, id: answer.id })
        }
      })
    }
    const lines: WrittenLine[] = written.map((entry) => ({
      id: entry.id,
      customer_id: entry.customer_id,
      order_id: entry.order_id ?? null,
      type: entry.type,
      points: entry.points,
    }))
    return new StepResponse({ entries: recorded, written: lines }, written)
  },
  async (written: Written[] | undefined, { container }) => {
    if (!written?.length) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await loyalty.recordEntries(written.map((entry) => undoEntry(entry, "the workflow failed")))
  }
)
