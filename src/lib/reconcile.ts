import type { MedusaContainer } from "@medusajs/framework/types"
import { findMissedFulfillmentEventsWorkflow } from "../workflows/find-missed-fulfillment-events"
import { countReferralWorkflow } from "../workflows/loyalty/count-referral"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/earn-order-points"
import { reconcileOrderFollowupsWorkflow } from "../workflows/reconcile-order-followups"
import { trackFulfillmentWorkflow } from "../workflows/track-fulfillment"

/**
 * One reconciliation pass: recent orders whose order.placed was missed get
 * their follow-ups and their loyalty points (earned, and a referral counted),
 * then shipments and deliveries whose event was missed are tracked, each in
 * its own workflow, as their subscribers would have done. The loyalty
 * workflows are idempotent by order, so an order whose loyalty subscribers did
 * run earns nothing twice. `now` moves the clock for tests.
 */
export async function reconcile(container: MedusaContainer, now?: Date) {
  const input = now ? { now: now.toISOString() } : {}
  const { result: placed } = await reconcileOrderFollowupsWorkflow(container).run({ input })
  const earned: string[] = []
  const failed: string[] = []
  for (const orderId of placed.order_ids) {
    // one order that fails (its lock held too long) must not keep the others, or the fulfillments below, from their turn
    try {
      const { result } = await earnOrderPointsWorkflow(container).run({ input: { order_id: orderId } })
      await countReferralWorkflow(container).run({ input: { order_id: orderId } })
      if (result.written.length) {
        earned.push(orderId)
      }
    } catch (e) {
      failed.push(`${orderId}: ${(e as Error).message}`)
    }
  }
  const { result: missed } = await findMissedFulfillmentEventsWorkflow(container).run({ input })
  const tracked: string[] = []
  for (const event of missed) {
    const { result } = await trackFulfillmentWorkflow(container).run({ input: event })
    if (result.created.length || result.retimed.length) {
      tracked.push(`${event.event} ${event.fulfillment_id}`)
    }
  }
  return { ...placed, earned, loyalty_failed: failed, fulfillment_events: missed.map((e) => `${e.event} ${e.fulfillment_id}`), tracked }
}
