import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { StateMessage } from "../components/state-message"
import { errorMessage, useOrderReturnTerms } from "../lib/api"
import { formatDateInText } from "../lib/format"
import {
  entryLabel,
  formatPoints,
  orderLoyaltyStatus,
  referrerHeading,
  type OrderLoyaltyResponse,
  type OrderLoyaltyStatus,
  type OrderPointsTotals,
} from "../lib/loyalty-order"
import { sdk } from "../lib/sdk"

const TONES: Record<OrderLoyaltyStatus["tone"], "grey" | "orange" | "green" | "red"> = {
  none: "grey",
  pending: "orange",
  confirmed: "green",
  reverted: "red",
}

const useOrderLoyalty = (orderId: string) =>
  useQuery({
    queryKey: ["pp-order-loyalty", orderId],
    queryFn: () => sdk.client.fetch<OrderLoyaltyResponse>(`/admin/post-purchase/orders/${encodeURIComponent(orderId)}/loyalty`),
  })

/**
 * The order's loyalty points: what it earned its buyer, whether they are
 * still pending (until the return window closes, by the order's own return
 * terms) or confirmed, and every line that took points back; then, apart,
 * each referral bonus the order holds for the member who referred the buyer.
 */
const OrderLoyaltyWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const loyalty = useOrderLoyalty(order.id)
  // the same query as the Returns widget's, so the page asks once
  const terms = useOrderReturnTerms(order.id)

  return (
    <Container className="divide-y p-0" data-testid="pp-order-loyalty">
      <div className="px-6 py-4">
        <Heading level="h2">Loyalty points</Heading>
      </div>
      {loyalty.isPending ? (
        <StateMessage>Loading the order’s points…</StateMessage>
      ) : loyalty.isError ? (
        <StateMessage error>Could not load the order’s points: {errorMessage(loyalty.error)}</StateMessage>
      ) : (
        <>
          <OrderPoints view={loyalty.data} status={orderLoyaltyStatus(loyalty.data, terms.data?.return_terms ?? null)} testId="pp-order-loyalty-buyer" />
          {(loyalty.data.referrers ?? []).map((referrer) => (
            <div key={referrer.customer_id} data-testid="pp-order-loyalty-referrer">
              <div className="px-6 pt-4">
                <Text size="small" weight="plus" data-testid="pp-order-loyalty-referrer-heading">
                  {referrerHeading(referrer)}
                </Text>
              </div>
              <OrderPoints view={referrer} status={orderLoyaltyStatus(referrer, terms.data?.return_terms ?? null)} />
            </div>
          ))}
        </>
      )}
    </Container>
  )
}

const OrderPoints = ({ view, status, testId }: { view: OrderPointsTotals; status: OrderLoyaltyStatus; testId?: string }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={testId}>
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-2">
        <StatusBadge color={TONES[status.tone]} data-testid="pp-order-loyalty-status">
          {status.headline}
        </StatusBadge>
      </div>
      {status.detail ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-order-loyalty-detail">
          {status.detail}
        </Text>
      ) : null}
    </div>
    {view.entries.length ? (
      <ul className="flex flex-col gap-y-2" data-testid="pp-order-loyalty-entries">
        {view.entries.map((entry) => (
          <li key={entry.id} className="flex items-start justify-between gap-x-3">
            <div className="min-w-0">
              <Text size="small" weight="plus">
                {entryLabel(entry)}
              </Text>
              <Text size="small" className="text-ui-fg-subtle break-words">
                {entry.reason} · {formatDateInText(entry.created_at)}
              </Text>
            </div>
            <Text size="small" weight="plus" className={entry.points < 0 ? "text-ui-fg-error shrink-0" : "shrink-0"}>
              {formatPoints(entry.points)}
            </Text>
          </li>
        ))}
      </ul>
    ) : null}
  </div>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "post-purchase-order-loyalty",
})

export default OrderLoyaltyWidget
