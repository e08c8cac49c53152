import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type DecidedLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type RecordExpiredPointsStepInput = { entries: DecidedLedgerEntry[] }

/** Accounts written per transaction: each is locked while its entry is written. */
const CHUNK = 100

export const recordExpiredPointsStepId = "pp-record-expired-points"

/**
 * Appends each member's `expire` entry: available down, lifetime as it was.
 * Each entry carries the account as the job read it; under the account's
 * lock, `recordEntries` skips it when the member has earned, spent or been
 * given points since, so points are never expired on a stale reading
 * (tomorrow's run decides afresh). An entry already in the ledger by its key
 * is not written again. The compensation reverts the entries this run
 * created and frees their keys.
 */
export const recordExpiredPointsStep = createStep(
  recordExpiredPointsStepId,
  async ({ entries }: RecordExpiredPointsStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const expired: { customer_id: string; points: number; entry_id: string }[] = []
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK)
      const answers = await loyalty.recordEntries(chunk, { requireAvailable: true })
      answers.forEach((answer, index) => {
        if (answer.created) {
          expired.push({ customer_id: chunk[index].customer_id, points: -answer.points, entry_id: answer.id })
        }
      })
    }
    return new StepResponse(
      expired,
      expired.map((line) => line.entry_id)
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
