import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dueExpiry, expiryBatches, nextExpiry, reminderDue } from "../../../lib/loyalty-expiry"
import { LOYALTY_MODULE, type DecidedLedgerEntry, type PointsExpiringData } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type FindExpiringPointsStepInput = {
  /** The moment expiry is judged at; now when left out (tests move the clock with it). */
  now?: string | Date
}

export type ExpiringPoints = {
  /** One `expire` entry per member whose points ran out, with the account as it was read. */
  entries: DecidedLedgerEntry[]
  /** The members to remind of their next expiry, not reminded of that date yet. */
  reminders: PointsExpiringData[]
}

/** Accounts read per page. */
const PAGE = 200

export const findExpiringPointsStepId = "pp-find-expiring-points"

/**
 * The points that have expired by `now`, by the programme's mode, and the
 * reminders due for the next expiry. The expire entry's idempotency key
 * carries the moment its points expired, so the job run twice, or twice a
 * day, expires them once; it also carries the account as read here, so a
 * member who earns or spends before it is written keeps their points.
 * Nothing expires while the programme is off.
 * No compensation: it only reads.
 */
export const findExpiringPointsStep = createStep(findExpiringPointsStepId, async (input: FindExpiringPointsStepInput, { container }) => {
  const now = input.now ? new Date(input.now) : new Date()
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const { settings } = await loyalty.loyaltyProgramme()
  const found: ExpiringPoints = { entries: [], reminders: [] }
  if (!settings.enabled || settings.expiry.months <= 0) {
    return new StepResponse(found)
  }
  const { months, mode } = settings.expiry
  let after: string | null = null
  for (;;) {
    const accounts = await loyalty.accountsWithAvailablePoints({ limit: PAGE, after })
    for (const account of accounts) {
      const moves = mode === "oldest_first" ? await loyalty.availableMoves(account.customer_id) : []
      const batches = expiryBatches(settings, account, moves)
      const due = dueExpiry(batches, now)
      if (due) {
        found.entries.push({
          customer_id: account.customer_id,
          type: "expire",
          points: -due.points,
          available_delta: -due.points,
          ...ledgerReason(mode === "inactivity" ? "ledger.expiredInactivity" : "ledger.expiredOldestFirst", { months }),
          // the moment the last of these points expired: a rerun finds the same, a batch that expires later the same day another
          idempotency_key: `expire:${account.customer_id}:${due.expires_at.toISOString()}`,
          metadata: { mode, expires_at: due.expires_at.toISOString() },
          decided_on: { available: account.available, last_activity_at: account.last_activity_at },
        })
      }
      const next = nextExpiry(batches, now)
      const remindedFor = account.expiry_reminded_for ? new Date(account.expiry_reminded_for).getTime() : null
      if (next && reminderDue(settings, next, now) && remindedFor !== next.expires_at.getTime()) {
        found.reminders.push({ customer_id: account.customer_id, points: next.points, expires_at: next.expires_at.toISOString() })
      }
    }
    if (accounts.length < PAGE) {
      return new StepResponse(found)
    }
    after = accounts[accounts.length - 1].customer_id
  }
})
