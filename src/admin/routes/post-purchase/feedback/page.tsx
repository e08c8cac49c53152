import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { StateMessage } from "../../../components/state-message"
import { errorMessage, useFeedback } from "../../../lib/api"
import {
  CATEGORY_BADGES,
  FEEDBACK_PAGE_SIZE,
  formatNps,
  orderLabel,
  orderPath,
  periodRange,
  PERIODS,
  shareOf,
  type FeedbackAnswer,
  type NpsSummary,
  type PeriodChoice,
} from "../../../lib/feedback"
import { formatDate } from "../../../lib/format"

const LINK = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"

/**
 * The feedback survey's answers over a period: the Net Promoter Score with
 * its promoters, passives and detractors, and the latest answers with their
 * comments, each linked to its order; a detractor's stands out, so someone
 * follows up.
 */
const FeedbackPage = () => {
  const [choice, setChoice] = useState<PeriodChoice>("30")
  const [custom, setCustom] = useState({ from: "", to: "" })
  const [pageIndex, setPageIndex] = useState(0)
  // "the last 30 days" counts back from when the admin chose it, not from every render
  const [chosenAt, setChosenAt] = useState(() => new Date())
  const period = useMemo(() => periodRange(choice, custom, chosenAt), [choice, custom, chosenAt])
  const query = "range" in period ? { ...period.range, limit: FEEDBACK_PAGE_SIZE, offset: pageIndex * FEEDBACK_PAGE_SIZE } : null
  const { data, isPending, isError, error } = useFeedback(query)

  const choose = (next: PeriodChoice) => {
    setChoice(next)
    setChosenAt(new Date())
    setPageIndex(0)
  }
  const setDay = (field: "from" | "to", value: string) => {
    setCustom((current) => ({ ...current, [field]: value }))
    setPageIndex(0)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="pp-feedback">
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">Customer feedback</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              How likely customers are to recommend your shop (0–10), from the feedback survey sent after delivery.
            </Text>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor="pp-feedback-period">
                Period
              </Label>
              <Select value={choice} onValueChange={(value) => choose(value as PeriodChoice)}>
                <Select.Trigger id="pp-feedback-period" className="w-[160px]" data-testid="pp-feedback-period">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {PERIODS.map((period) => (
                    <Select.Item key={period.value} value={period.value}>
                      {period.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            {choice === "custom" ? (
              <>
                <div className="flex flex-col gap-y-1">
                  <Label size="xsmall" htmlFor="pp-feedback-from">
                    From
                  </Label>
                  <Input id="pp-feedback-from" type="date" size="small" value={custom.from} onChange={(e) => setDay("from", e.target.value)} />
                </div>
                <div className="flex flex-col gap-y-1">
                  <Label size="xsmall" htmlFor="pp-feedback-to">
                    To
                  </Label>
                  <Input id="pp-feedback-to" type="date" size="small" value={custom.to} onChange={(e) => setDay("to", e.target.value)} />
                </div>
              </>
            ) : null}
          </div>
        </div>
        {"problem" in period ? (
          <StateMessage>{period.problem}</StateMessage>
        ) : isPending ? (
          <StateMessage>Loading feedback…</StateMessage>
        ) : isError ? (
          <StateMessage error>Could not load the feedback: {errorMessage(error)}</StateMessage>
        ) : (
          <NpsBlock nps={data.nps} />
        )}
      </Container>

      {data && "range" in period ? (
        <Container className="divide-y p-0" data-testid="pp-feedback-answers">
          <div className="px-6 py-4">
            <Heading level="h2">Latest answers</Heading>
          </div>
          {data.answers.length === 0 ? (
            <StateMessage>No answers in this period.</StateMessage>
          ) : (
            <>
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header className="border-t-0">
                    <Table.Row>
                      <Table.HeaderCell>Order</Table.HeaderCell>
                      <Table.HeaderCell>Score</Table.HeaderCell>
                      <Table.HeaderCell>Comment</Table.HeaderCell>
                      <Table.HeaderCell>What could we do better?</Table.HeaderCell>
                      <Table.HeaderCell>Answered</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.answers.map((answer) => (
                      <AnswerRow key={answer.order_id} answer={answer} />
                    ))}
                  </Table.Body>
                </Table>
              </div>
              <Table.Pagination
                count={data.count}
                pageSize={FEEDBACK_PAGE_SIZE}
                pageIndex={pageIndex}
                pageCount={Math.ceil(data.count / FEEDBACK_PAGE_SIZE)}
                canPreviousPage={pageIndex > 0}
                canNextPage={(pageIndex + 1) * FEEDBACK_PAGE_SIZE < data.count}
                previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
                nextPage={() => setPageIndex((index) => index + 1)}
              />
            </>
          )}
        </Container>
      ) : null}
    </div>
  )
}

const NpsBlock = ({ nps }: { nps: NpsSummary }) => (
  <div className="flex flex-wrap gap-x-10 gap-y-4 px-6 py-4" data-testid="pp-feedback-nps">
    <div className="flex flex-col">
      <Text size="small" className="text-ui-fg-subtle">
        Net Promoter Score
      </Text>
      <Text className="text-3xl font-semibold" data-testid="pp-feedback-nps-score">
        {formatNps(nps.score)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        {nps.total === 1 ? "1 answer" : `${nps.total} answers`}
      </Text>
    </div>
    {(
      [
        ["Promoters (9–10)", nps.promoters, "promoters"],
        ["Passives (7–8)", nps.passives, "passives"],
        ["Detractors (0–6)", nps.detractors, "detractors"],
      ] as const
    ).map(([label, count, key]) => (
      <div key={key} className="flex flex-col" data-testid={`pp-feedback-${key}`}>
        <Text size="small" className="text-ui-fg-subtle">
          {label}
        </Text>
        <Text size="large" weight="plus">
          {count}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {shareOf(count, nps.total)}
        </Text>
      </div>
    ))}
  </div>
)

const AnswerRow = ({ answer }: { answer: FeedbackAnswer }) => {
  const badge = CATEGORY_BADGES[answer.category]
  return (
    <Table.Row data-testid={`pp-feedback-answer-${answer.order_id}`} className="[&_td]:py-3 [&_td]:align-top">
      <Table.Cell>
        <Link to={orderPath(answer)} className={LINK}>
          {orderLabel(answer)}
        </Link>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {answer.email}
        </Text>
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col items-start gap-y-1">
          <Text size="small" weight="plus">
            {answer.score}
          </Text>
          <Badge size="2xsmall" color={badge.color} data-testid="pp-feedback-category">
            {badge.label}
          </Badge>
        </div>
      </Table.Cell>
      <Table.Cell className="max-w-[320px] whitespace-normal">
        <AnswerText text={answer.comment} testId="pp-feedback-comment" />
      </Table.Cell>
      <Table.Cell className="max-w-[320px] whitespace-normal">
        <AnswerText text={answer.improvement} testId="pp-feedback-improvement" />
      </Table.Cell>
      <Table.Cell>
        <Text size="small">{formatDate(answer.answered_at)}</Text>
      </Table.Cell>
    </Table.Row>
  )
}

/** The customer's words in full, line breaks kept; React escapes them like any text. */
const AnswerText = ({ text, testId }: { text: string | null; testId: string }) =>
  text ? (
    <Text size="small" className="whitespace-pre-wrap break-words" data-testid={testId}>
      {text}
    </Text>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      –
    </Text>
  )

export const config = defineRouteConfig({
  label: "Feedback",
})

export default FeedbackPage
