import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Table } from "@medusajs/ui"
import { FollowupActions } from "../components/followup-actions"
import { FollowupNote, FollowupStatusBadge } from "../components/followup-status"
import { StateMessage } from "../components/state-message"
import { errorMessage, useOrderFollowups } from "../lib/api"
import { formatDate } from "../lib/format"
import type { FollowupView } from "../lib/types"

const OrderFollowupsWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data, isPending, isError, error } = useOrderFollowups(order.id)

  return (
    <Container className="divide-y p-0" data-testid="pp-order-followups">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Follow-ups</Heading>
      </div>

      {isPending ? (
        <StateMessage>Loading follow-ups…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the follow-ups: {errorMessage(error)}</StateMessage>
      ) : data.followups.length === 0 ? (
        <StateMessage>No follow-ups for this order yet.</StateMessage>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header className="border-t-0">
              <Table.Row>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Due</Table.HeaderCell>
                <Table.HeaderCell>Sent</Table.HeaderCell>
                <Table.HeaderCell>Attempts</Table.HeaderCell>
                <Table.HeaderCell>Details</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.followups.map((followup) => (
                <FollowupRow key={followup.id} followup={followup} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}

const FollowupRow = ({ followup }: { followup: FollowupView }) => (
  <Table.Row data-testid={`pp-followup-${followup.flow}`}>
    <Table.Cell>{followup.flow_label}</Table.Cell>
    <Table.Cell data-testid={`pp-followup-${followup.flow}-status`}>
      <FollowupStatusBadge status={followup.status} />
    </Table.Cell>
    <Table.Cell>{formatDate(followup.send_at)}</Table.Cell>
    <Table.Cell>{formatDate(followup.sent_at)}</Table.Cell>
    <Table.Cell>{followup.attempts}</Table.Cell>
    <Table.Cell>
      <FollowupNote followup={followup} />
    </Table.Cell>
    <Table.Cell className="text-right">
      <FollowupActions followup={followup} />
    </Table.Cell>
  </Table.Row>
)

export const config = defineWidgetConfig({
  zone: "order.details.after",
  id: "post-purchase-order-followups",
})

export default OrderFollowupsWidget
