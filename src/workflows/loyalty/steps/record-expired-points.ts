import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { undoEntry } from "../../../lib/loyalty-order-points"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type RecordExpiredPointsStepInput = { entries: NewLedgerEntry[] }

type Written = NewLedgerEntry & { id: string }

export const recordExpiredPointsStepId = "pp-record-expired-points"

/**
 * Appends each member's `expire` entry: available down, lifetime as it was.
 * Each under the account's lock, never below what is available: points
 * spent since they were counted are not expired again (tomorrow's run
 * counts afresh). An entry already in the ledger by its key is not written
 * again. Undone by the opposite entry of each one this run wrote.
 */
export const recordExpiredPointsStep = createStep(
  recordExpiredPointsStepId,
  async ({ entries }: RecordExpiredPointsStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const keys = entries.map((entry) => entry.idempotency_key!).filter(Boolean)
    const known = new Set(
      keys.length ? (await loyalty.listLoyaltyEntries({ idempotency_key: keys }, { select: ["idempotency_key"] })).map((entry) => entry.idempotency_key) : []
    )
    const written: Written[] = []
    for (const entry of entries) {
      if (known.has(entry.idempotency_key!)) continue
      try {
        const [line] = await loyalty.recordEntries([entry], { requireAvailable: true })
        written.push({ ...entry, id: line.id })
      } catch (e) {
        if (!(e instanceof MedusaError && e.type === MedusaError.Types.NOT_ALLOWED)) throw e
      }
    }
    const expired = written.map((entry) => ({ customer_id: entry.customer_id, points: -entry.points, entry_id: entry.id }))
    return new StepResponse(expired, written)
  },
  async (written: Written[] | undefined, { container }) => {
    if (!written?.length) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await loyalty.recordEntries(written.map((entry) => undoEntry(entry, "the workflow failed")))
  }
)
