import { StatusBadge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CONSENT_SOURCES } from "../lib/consent"
import { formatDateInText } from "../lib/format"
import type { ConsentRecordView } from "../lib/types"
import { StateMessage } from "./state-message"
import { TruncatedText } from "./truncated-text"

type Props = {
  records: ConsentRecordView[]
  /** "Who recorded it", in words. */
  actorLabel: (actor: string | null) => string
}

/**
 * Every consent statement of the customer, newest first: when, given or
 * withdrawn, where and by whom, with the wording and page as proof.
 */
export const ConsentHistory = ({ records, actorLabel }: Props) =>
  records.length === 0 ? (
    <StateMessage>No consent recorded yet.</StateMessage>
  ) : (
    <div className="overflow-x-auto">
      <Table data-testid="pp-consent-records">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Given</Table.HeaderCell>
            <Table.HeaderCell>Consent</Table.HeaderCell>
            <Table.HeaderCell>Source</Table.HeaderCell>
            <Table.HeaderCell>Wording</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {records.map((record) => {
            const testId = `pp-consent-record-${record.id}`
            return (
              <Table.Row key={record.id} data-testid={testId} className="[&_td]:py-2">
                <Table.Cell className="whitespace-nowrap">{formatDateInText(record.given_at)}</Table.Cell>
                <Table.Cell data-testid={`${testId}-granted`}>
                  <StatusBadge color={record.granted ? "green" : "red"}>{record.granted ? "Granted" : "Withdrawn"}</StatusBadge>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span data-testid={`${testId}-source`}>{CONSENT_SOURCES[record.source] ?? record.source}</span>
                    <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${testId}-recorded-by`}>
                      {actorLabel(record.recorded_by)}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell className="w-full max-w-0">
                  <div className="flex flex-col">
                    <TruncatedText text={record.wording} testId={`${testId}-wording`} />
                    <Proof record={record} />
                  </div>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )

/** The page it was given on, and the order it came with. */
const Proof = ({ record }: { record: ConsentRecordView }) => {
  if (!record.url && !record.order_id) {
    return null
  }
  return (
    <Text size="xsmall" className="text-ui-fg-subtle flex min-w-0 gap-x-2">
      {record.order_id && (
        <Link to={`/orders/${record.order_id}`} className={LINK}>
          Order
        </Link>
      )}
      {record.url &&
        (isWebAddress(record.url) ? (
          <a
            href={record.url}
            target="_blank"
            rel="noopener noreferrer"
            title={record.url}
            data-testid={`pp-consent-record-${record.id}-url`}
            className={`${LINK} truncate`}
          >
            {record.url}
          </a>
        ) : (
          <span className="truncate" title={record.url}>
            {record.url}
          </span>
        ))}
    </Text>
  )
}

const LINK = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

/** Only http(s) addresses become links; anything else is shown as text. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url)
