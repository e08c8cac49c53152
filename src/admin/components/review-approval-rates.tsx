import { Container, Heading, Table, Tabs, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { errorMessage } from "../lib/api"
import {
  approvalRateRows,
  approvalRatesQuery,
  approvalTotals,
  formatApprovalRate,
  periodLabel,
  periodStarts,
  RATE_PERIODS,
  STAR_RATINGS,
  type PerStar,
  type RatePeriod,
  type StarModeration,
} from "../lib/reviews"
import { useApprovalRates } from "../lib/reviews-api"
import { StateMessage } from "./state-message"

/**
 * Per week or month, the share of moderated reviews the shop approved for
 * each star rating: fair moderation shows about the same rate in every
 * column, whatever the rating.
 */
export const ReviewApprovalRates = () => {
  const [period, setPeriod] = useState<RatePeriod>("week")
  // fixed per period while the page is open, so the query (and its cache) stays the same
  const { query, starts } = useMemo(() => {
    const now = new Date()
    return { query: approvalRatesQuery(period, now), starts: periodStarts(period, now) }
  }, [period])
  const { data, isPending, isError, error } = useApprovalRates(query)
  const rows = useMemo(() => (data ? approvalRateRows(data.periods, starts) : []), [data, starts])
  const totals = useMemo(() => approvalTotals(rows), [rows])

  return (
    <Container className="divide-y p-0" data-testid="pp-review-approval-rates">
      <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading level="h2">Moderation by rating</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Of the reviews you approved or rejected, the share you approved, for each star rating. Fair moderation
            approves low and high ratings alike.
          </Text>
        </div>
        <Tabs value={period} onValueChange={(value) => setPeriod(value as RatePeriod)}>
          <Tabs.List>
            <Tabs.Trigger value="week" data-testid="pp-review-rates-week">
              Weekly
            </Tabs.Trigger>
            <Tabs.Trigger value="month" data-testid="pp-review-rates-month">
              Monthly
            </Tabs.Trigger>
          </Tabs.List>
        </Tabs>
      </div>
      {isPending ? (
        <StateMessage>Loading the approval rates…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the approval rates: {errorMessage(error)}</StateMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header className="border-t-0">
              <Table.Row>
                <Table.HeaderCell>{period === "week" ? "Week" : "Month"}</Table.HeaderCell>
                {STAR_RATINGS.map((star) => (
                  <Table.HeaderCell key={star} className="text-right">
                    {star} {star === 1 ? "star" : "stars"}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <RateRow key={row.start} label={periodLabel(row.start, period)} stars={row.stars} testId={`pp-review-rates-${row.start.slice(0, 10)}`} />
              ))}
              <RateRow
                label={`Last ${RATE_PERIODS} ${period === "week" ? "weeks" : "months"}`}
                stars={totals}
                testId="pp-review-rates-total"
                strong
              />
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

const RateRow = ({
  label,
  stars,
  testId,
  strong,
}: {
  label: string
  stars: PerStar<StarModeration>
  testId: string
  strong?: boolean
}) => (
  <Table.Row data-testid={testId}>
    <Table.Cell>
      <Text size="small" weight={strong ? "plus" : "regular"}>
        {label}
      </Text>
    </Table.Cell>
    {STAR_RATINGS.map((star) => {
      const cell = stars[`${star}`] ?? { moderated: 0, approved: 0, rate: null }
      return (
        <Table.Cell key={star} className="text-right" data-testid={`${testId}-${star}`}>
          <Text size="small" weight={strong ? "plus" : "regular"} className="tabular-nums">
            {formatApprovalRate(cell)}
          </Text>
          {cell.moderated ? (
            <Text size="xsmall" className="tabular-nums text-ui-fg-muted">
              {cell.approved} of {cell.moderated}
            </Text>
          ) : null}
        </Table.Cell>
      )
    })}
  </Table.Row>
)
