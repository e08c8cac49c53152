import type { NewLedgerEntry } from "../../src/modules/loyalty"

/**
 * Ledger lines as the loyalty workflows write them, for tests that need a
 * customer to hold points without placing and confirming real orders.
 */

/** An order's pending points, as `pp-earn-order-points` records them. */
export const earnLine = (customer_id: string, order_id: string, points: number): NewLedgerEntry => ({
  customer_id,
  type: "earn",
  points,
  pending_delta: points,
  reason: `Order ${order_id}`,
  order_id,
  idempotency_key: `earn:${order_id}`,
})

/** The order's points made spendable, as the daily confirmation records them. */
export const confirmLine = (customer_id: string, order_id: string, points: number): NewLedgerEntry => ({
  customer_id,
  type: "confirm",
  points,
  pending_delta: -points,
  available_delta: points,
  lifetime_delta: points,
  reason: "Return window closed",
  order_id,
  idempotency_key: `confirm:${order_id}:${customer_id}`,
})

/** Confirmed points: an order's earn line and its confirmation. */
export const confirmedPoints = (customer_id: string, order_id: string, points: number): NewLedgerEntry[] => [
  earnLine(customer_id, order_id, points),
  confirmLine(customer_id, order_id, points),
]
