import { StatusBadge, Table, Text } from "@medusajs/ui"
import { suppressionScopeLabel, SUPPRESSION_SOURCES } from "../lib/consent"
import { formatDateInText } from "../lib/format"
import type { SuppressionView } from "../lib/types"
import { LiftSuppressionButton } from "./lift-suppression"
import { StateMessage } from "./state-message"
import { TruncatedText } from "./truncated-text"

type Props = {
  customerId: string
  suppressions: SuppressionView[]
  flowLabels: Map<string, string>
  /** "Lifted by", in words. */
  actorLabel: (actor: string | null) => string
}

/** The customer's suppressions: active ones can be lifted, lifted ones say when, by whom and why. */
export const SuppressionList = ({ customerId, suppressions, flowLabels, actorLabel }: Props) =>
  suppressions.length === 0 ? (
    <StateMessage>Not on the suppression list.</StateMessage>
  ) : (
    <div className="overflow-x-auto">
      <Table data-testid="pp-consent-suppressions">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Stops</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {suppressions.map((suppression) => {
            const scope = suppressionScopeLabel(suppression, flowLabels)
            const testId = `pp-suppression-${suppression.id}`
            return (
              <Table.Row key={suppression.id} data-testid={testId} className="[&_td]:py-2">
                <Table.Cell className="whitespace-nowrap">
                  <div className="flex flex-col">
                    <span data-testid={`${testId}-scope`}>{scope}</span>
                    <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${testId}-source`}>
                      {SUPPRESSION_SOURCES[suppression.source] ?? suppression.source}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell className="w-1/2 max-w-0">
                  <div className="flex flex-col">
                    <TruncatedText text={suppression.reason} testId={`${testId}-reason`} />
                    <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${testId}-since`}>
                      Since {formatDateInText(suppression.created_at)}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell className="w-1/2 max-w-0">
                  {suppression.lifted_at ? (
                    <div className="flex flex-col items-start">
                      <span data-testid={`${testId}-status`}>
                        <StatusBadge color="grey">Lifted</StatusBadge>
                      </span>
                      <Text size="xsmall" className="text-ui-fg-subtle" data-testid={`${testId}-lifted`}>
                        {formatDateInText(suppression.lifted_at)} by {actorLabel(suppression.lifted_by)}
                      </Text>
                      <span className="w-full">
                        <TruncatedText text={suppression.lift_reason} testId={`${testId}-lift-reason`} />
                      </span>
                    </div>
                  ) : (
                    <span data-testid={`${testId}-status`}>
                      <StatusBadge color="orange">Active</StatusBadge>
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {!suppression.lifted_at && (
                    <LiftSuppressionButton customerId={customerId} suppression={suppression} scopeLabel={scope} />
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
