import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { StateMessage } from "../components/state-message"
import { errorMessage, useOrderReturnTerms } from "../lib/api"
import { formatDay, formatMoney, WITHDRAWAL_EXCEPTION_LABELS } from "../lib/return-policy"
import type { NotReturnableReason, OrderReturnTermsView } from "../lib/types"

const REASONS: Record<NotReturnableReason, string> = {
  excluded: "excluded by the policy",
  withdrawal_exception: "Article 16 exception",
  no_policy: "no returns policy",
  period_ended: "return period ended",
}

/**
 * The order's returns: the policy version it was placed under and the last
 * day to return it, counted from the delivery (or its estimate), and the
 * items that can't go back, with why.
 */
const OrderReturnTermsWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data, isPending, isError, error } = useOrderReturnTerms(order.id)

  return (
    <Container className="divide-y p-0" data-testid="pp-order-return-terms">
      <div className="px-6 py-4">
        <Heading level="h2">Returns</Heading>
      </div>
      {isPending ? (
        <StateMessage>Loading the return terms…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the return terms: {errorMessage(error)}</StateMessage>
      ) : (
        <ReturnTerms terms={data.return_terms} items={order.items ?? []} />
      )}
    </Container>
  )
}

const deadlineOf = (terms: OrderReturnTermsView) =>
  terms.last_day
    ? `Return by ${formatDay(terms.last_day)}${terms.delivery_estimated ? " (estimated delivery)" : ""}`
    : terms.items.some((item) => item.returnable)
      ? "Return deadline set once the order is delivered"
      : "Nothing in this order can be returned"

const ReturnTerms = ({ terms, items }: { terms: OrderReturnTermsView; items: HttpTypes.AdminOrderLineItem[] }) => {
  const titles = new Map(items.map((item) => [item.id, item.product_title ?? item.title]))
  const notReturnable = terms.items.filter((item) => !item.returnable)

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      {terms.policy ? (
        <Text size="small" data-testid="pp-order-return-terms-line">
          <span className="font-medium">Returns policy v{terms.policy.version}</span> · {deadlineOf(terms)}
        </Text>
      ) : (
        <>
          <Text size="small" data-testid="pp-order-return-terms-line">
            No returns policy when this order was placed
          </Text>
          {terms.last_day ? (
            <Text size="small" className="text-ui-fg-subtle" data-testid="pp-order-return-terms-statutory">
              EU right of withdrawal · {deadlineOf(terms)}
            </Text>
          ) : null}
        </>
      )}
      {terms.policy && terms.return_fee !== null ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-order-return-terms-fee">
          {terms.return_fee === 0 ? "Free returns" : `Return shipping ${formatMoney(terms.return_fee, terms.currency_code)}`}
        </Text>
      ) : null}
      {notReturnable.length ? (
        <div data-testid="pp-order-return-terms-not-returnable">
          <Text size="small" weight="plus">
            Can’t be returned
          </Text>
          <ul>
            {notReturnable.map((item) => (
              <li key={item.item_id}>
                <Text size="small" className="text-ui-fg-subtle">
                  {titles.get(item.item_id) ?? item.item_id}:{" "}
                  {item.withdrawal_exception
                    ? `${REASONS.withdrawal_exception} (${WITHDRAWAL_EXCEPTION_LABELS[item.withdrawal_exception]})`
                    : item.reason
                      ? REASONS[item.reason]
                      : "not returnable"}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "post-purchase-order-return-terms",
})

export default OrderReturnTermsWidget
