import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import {
  Badge,
  Container,
  Copy,
  createDataTableColumnHelper,
  DataTable,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { AdjustPointsDrawer } from "../components/adjust-points-drawer"
import { useActorNames } from "../components/review-parts"
import { StateMessage } from "../components/state-message"
import { errorMessage } from "../lib/api"
import { formatDateInText } from "../lib/format"
import { useCustomerLoyalty, useLoyaltyProgramme } from "../lib/loyalty-admin-api"
import {
  ENTRY_TYPE_LABELS,
  LEDGER_PAGE_SIZE,
  tierBarPercent,
  type CustomerLoyaltyResponse,
  type LedgerEntry,
  type LoyaltySettings,
} from "../lib/loyalty-settings"

const LINK = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover"

/**
 * The customer's loyalty points: what they can spend, what waits for return
 * windows to close, what they earned in all; their tier and the way to the
 * next; their referral code; and every ledger line, newest first. An admin
 * gives or takes points here, with a reason.
 */
const CustomerLoyaltyWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isPending, isError, error } = useCustomerLoyalty(customer.id, { limit: LEDGER_PAGE_SIZE, offset: pageIndex * LEDGER_PAGE_SIZE })
  const programme = useLoyaltyProgramme()

  return (
    <Container className="divide-y p-0" data-testid="pp-customer-loyalty">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Loyalty points</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {programme.data && !programme.data.settings.enabled
              ? "The loyalty programme is switched off: no points are earned now."
              : "Points earned on orders are pending until the order can no longer be returned; then they can be spent."}
          </Text>
        </div>
        {data ? (
          <div className="shrink-0">
            <AdjustPointsDrawer customerId={customer.id} available={data.account.available} />
          </div>
        ) : null}
      </div>
      {isPending ? (
        <StateMessage>Loading the points…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the points: {errorMessage(error)}</StateMessage>
      ) : (
        <>
          <Balances data={data} settings={programme.data?.settings ?? null} />
          <Ledger data={data} pageIndex={pageIndex} onPage={setPageIndex} />
        </>
      )}
    </Container>
  )
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    {children}
  </div>
)

const Balances = ({ data, settings }: { data: CustomerLoyaltyResponse; settings: LoyaltySettings | null }) => {
  const { account, tier_progress: progress } = data
  const levels = settings?.tiers.levels ?? []
  const percent = tierBarPercent(levels, progress)
  const spend = settings?.tiers.basis === "spend"
  const money = (value: number) =>
    settings?.tiers.currency_code
      ? value.toLocaleString(undefined, { style: "currency", currency: settings.tiers.currency_code.toUpperCase() })
      : value.toLocaleString()
  return (
    <>
      <div className="grid grid-cols-3 gap-x-4 px-6 py-4">
        <Figure label="Available" value={account.available} testId="pp-customer-loyalty-available" />
        <Figure label="Pending" value={account.pending} testId="pp-customer-loyalty-pending" />
        <Figure label="Lifetime" value={account.lifetime} testId="pp-customer-loyalty-lifetime" />
      </div>
      {levels.length > 0 && (
        <Row label="Tier">
          <div className="flex flex-col gap-y-2" data-testid="pp-customer-loyalty-tier">
            <Text size="small" weight="plus">
              {progress.tier?.name ?? "No tier yet"}
            </Text>
            {progress.next_tier && percent !== null ? (
              <>
                <div
                  className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                  aria-label={`Progress to ${progress.next_tier.name}`}
                >
                  <div className="bg-ui-fg-interactive h-full" style={{ width: `${percent}%` }} />
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle" data-testid="pp-customer-loyalty-next-tier">
                  {spend
                    ? progress.next_tier.remaining > 0
                      ? `${money(progress.next_tier.remaining)} more to spend for ${progress.next_tier.name}`
                      : `Reached the spend for ${progress.next_tier.name}`
                    : progress.next_tier.remaining > 0
                      ? `${progress.next_tier.remaining.toLocaleString()} more points to ${progress.next_tier.name}`
                      : `Reached the points for ${progress.next_tier.name}`}
                  {spend
                    ? ` (${money(progress.earned_in_window)} spent in the last ${progress.window_months} months)`
                    : ` (${progress.earned_in_window.toLocaleString()} earned in the last ${progress.window_months} months)`}
                </Text>
              </>
            ) : progress.tier ? (
              <Text size="xsmall" className="text-ui-fg-subtle">
                The highest tier.
              </Text>
            ) : null}
          </div>
        </Row>
      )}
      {data.expiring && (
        <Row label="Expiring">
          <Text size="small" data-testid="pp-customer-loyalty-expiring">
            {`${data.expiring.points.toLocaleString()} points on ${formatDateInText(data.expiring.expires_at)}`}
          </Text>
        </Row>
      )}
      <Row label="Referral code">
        {account.referral_code ? (
          <div className="flex items-center gap-x-1">
            <Badge size="2xsmall" className="font-mono" data-testid="pp-customer-loyalty-referral-code">
              {account.referral_code}
            </Badge>
            <Copy content={account.referral_code} />
          </div>
        ) : (
          <Text size="small" data-testid="pp-customer-loyalty-referral-code">
            None yet: it comes with the first points.
          </Text>
        )}
      </Row>
    </>
  )
}

const Figure = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <div className="flex flex-col">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" data-testid={testId} className={value < 0 ? "text-ui-fg-error" : undefined}>
      {value.toLocaleString()}
    </Text>
  </div>
)

const column = createDataTableColumnHelper<LedgerEntry>()

const Ledger = ({ data, pageIndex, onPage }: { data: CustomerLoyaltyResponse; pageIndex: number; onPage: (index: number) => void }) => {
  const nameOf = useActorNames(useMemo(() => data.entries.map((entry) => entry.created_by), [data]))
  const columns = useMemo(
    () => [
      column.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDateInText(getValue())}</span>,
      }),
      column.accessor("type", {
        header: "Type",
        cell: ({ row }) => <span data-testid={`pp-loyalty-entry-${row.original.id}-type`}>{ENTRY_TYPE_LABELS[row.original.type] ?? row.original.type}</span>,
      }),
      column.accessor("points", {
        header: "Points",
        cell: ({ getValue, row }) => (
          <span data-testid={`pp-loyalty-entry-${row.original.id}-points`} className={getValue() < 0 ? "text-ui-fg-error" : undefined}>
            {getValue() > 0 ? `+${getValue()}` : getValue()}
          </span>
        ),
      }),
      column.accessor("reason", {
        header: "Reason",
        cell: ({ row }) => {
          const entry = row.original
          const by = nameOf(entry.created_by)
          return (
            <div className="flex min-w-0 flex-col py-2">
              <span className="whitespace-normal break-words" data-testid={`pp-loyalty-entry-${entry.id}-reason`}>
                {entry.reason}
              </span>
              {(entry.order_id || entry.promotion_code || by) && (
                <Text size="xsmall" className="text-ui-fg-subtle flex flex-wrap gap-x-2">
                  {entry.order_id && (
                    <Link to={`/orders/${entry.order_id}`} className={LINK}>
                      Order
                    </Link>
                  )}
                  {entry.promotion_code && <span className="font-mono">{entry.promotion_code}</span>}
                  {by && <span data-testid={`pp-loyalty-entry-${entry.id}-by`}>by {by}</span>}
                </Text>
              )}
            </div>
          )
        },
      }),
    ],
    [nameOf]
  )
  const table = useDataTable({
    data: data.entries,
    columns,
    getRowId: (row) => row.id,
    rowCount: data.count,
    pagination: {
      state: { pageIndex, pageSize: LEDGER_PAGE_SIZE },
      onPaginationChange: ({ pageIndex: next }) => onPage(next),
    },
  })
  return (
    <div data-testid="pp-customer-loyalty-ledger">
      <div className="px-6 pb-2 pt-4">
        <Heading level="h3">History</Heading>
      </div>
      <DataTable instance={table}>
        <DataTable.Table emptyState={{ empty: { heading: "No points yet", description: "Orders, bonuses, rewards and adjustments appear here." } }} />
        {data.count > LEDGER_PAGE_SIZE && <DataTable.Pagination />}
      </DataTable>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "post-purchase-customer-loyalty",
})

export default CustomerLoyaltyWidget
