import type { MedusaContainer } from "@medusajs/framework/types"
import { findMissedFulfillmentEventsWorkflow } from "../workflows/find-missed-fulfillment-events"
import { reconcileOrderFollowupsWorkflow } from "../workflows/reconcile-order-followups"
import { trackFulfillmentWorkflow } from "../workflows/track-fulfillment"

/**
 * One reconciliation pass: recent orders whose order.placed was missed get
 * their follow-ups, then shipments and deliveries whose event was missed are
 * tracked, each in its own workflow, as their subscribers would have done.
 * `now` moves the clock for tests.
 */
export async function reconcile(container: MedusaContainer, now?: Date) {
  const input = now ? { now: now.toISOString() } : {}
  const { result: placed } = await reconcileOrderFollowupsWorkflow(container).run({ input })
  const { result: missed } = await findMissedFulfillmentEventsWorkflow(container).run({ input })
  const tracked: string[] = []
  for (const event of missed) {
    const { result } = await trackFulfillmentWorkflow(container).run({ input: event })
    if (result.created.length || result.retimed.length) {
      tracked.push(`${event.event} ${event.fulfillment_id}`)
    }
  }
  return { ...placed, fulfillment_events: missed.map((e) => `${e.event} ${e.fulfillment_id}`), tracked }
}
