import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type PointsExpiringData } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type MarkExpiryRemindersStepInput = { reminders: PointsExpiringData[] }

type Marked = { customer_id: string; previous: Date | null }

export const markExpiryRemindersStepId = "pp-mark-expiry-reminders"

/**
 * Records on each account the expiry date it is reminded of, and answers
 * the reminders this run is the one to send: a date already recorded (by
 * an earlier run, or one at the same moment) is left out. Undone by putting
 * back the date recorded before, so a failed run reminds on the next.
 */
export const markExpiryRemindersStep = createStep(
  markExpiryRemindersStepId,
  async ({ reminders }: MarkExpiryRemindersStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const sent: PointsExpiringData[] = []
    const marked: Marked[] = []
    for (const reminder of reminders) {
      const { marked: isNew, previous } = await loyalty.markExpiryReminded(reminder.customer_id, new Date(reminder.expires_at))
      if (isNew) {
        sent.push(reminder)
        marked.push({ customer_id: reminder.customer_id, previous })
      }
    }
    return new StepResponse(sent, marked)
  },
  async (marked: Marked[] | undefined, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    for (const { customer_id, previous } of marked ?? []) {
      await loyalty.markExpiryReminded(customer_id, previous ? new Date(previous) : null)
    }
  }
)
