import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EnvelopeSolid } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { DeliveryStatusBanner } from "../../components/delivery-status-banner"
import { FlowCopyEditor } from "../../components/flow-copy-editor"
import { FlowDelayEditor } from "../../components/flow-delay-editor"
import { FlowEnabledSwitch } from "../../components/flow-enabled-switch"
import { FlowPreview } from "../../components/flow-preview"
import { FollowupList } from "../../components/followup-list"
import { StateMessage } from "../../components/state-message"
import { errorMessage, useFlows } from "../../lib/api"
import type { FlowView } from "../../lib/types"

const FOLLOWUP_LIST_ID = "pp-followups"

/** Delivery problems first, then the flows and their settings, then every follow-up. */
const PostPurchasePage = () => (
  <div className="flex flex-col gap-y-3">
    <DeliveryStatusBanner listId={FOLLOWUP_LIST_ID} />
    <FlowSection />
    <div id={FOLLOWUP_LIST_ID} className="scroll-mt-4">
      <FollowupList />
    </div>
  </div>
)

const FlowSection = () => {
  const { data, isPending, isError, error } = useFlows()

  return (
    <Container className="divide-y p-0" data-testid="pp-flows">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Post-purchase emails</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Emails your customers get after they place an order. Turn each one on or off and
          choose when it goes out.
        </Text>
      </div>

      {isPending ? (
        <StateMessage>Loading emails…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the emails: {errorMessage(error)}</StateMessage>
      ) : data.flows.length === 0 ? (
        <StateMessage>There are no post-purchase emails yet.</StateMessage>
      ) : (
        <FlowTable flows={data.flows} />
      )}
    </Container>
  )
}

const FlowTable = ({ flows }: { flows: FlowView[] }) => (
  <div className="overflow-x-auto">
    <Table>
      <Table.Header className="border-t-0">
        <Table.Row>
          <Table.HeaderCell>Email</Table.HeaderCell>
          <Table.HeaderCell>Type</Table.HeaderCell>
          <Table.HeaderCell>Enabled</Table.HeaderCell>
          <Table.HeaderCell>When</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {flows.map((flow) => (
          <FlowRow key={flow.key} flow={flow} />
        ))}
      </Table.Body>
    </Table>
  </div>
)

const FlowRow = ({ flow }: { flow: FlowView }) => (
  <Table.Row data-testid={`pp-flow-${flow.key}`} className="[&_td]:py-3">
    <Table.Cell className="max-w-[360px] whitespace-normal">
      <Text size="small" weight="plus">
        {flow.label}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {flow.description}
      </Text>
    </Table.Cell>
    <Table.Cell>
      <Badge size="2xsmall" color={flow.category === "marketing" ? "purple" : "blue"}>
        {flow.category === "marketing" ? "Marketing" : "Transactional"}
      </Badge>
    </Table.Cell>
    <Table.Cell>
      <FlowEnabledSwitch flow={flow} />
    </Table.Cell>
    <Table.Cell>
      {flow.due_rule ? (
        <Text size="small" className="max-w-[240px] whitespace-normal" data-testid={`pp-flow-${flow.key}-due-rule`}>
          {flow.due_rule}
        </Text>
      ) : (
        <FlowDelayEditor flow={flow} />
      )}
    </Table.Cell>
    <Table.Cell className="text-right">
      <div className="flex justify-end gap-x-2">
        <FlowCopyEditor flow={flow} />
        <FlowPreview flow={flow} />
      </div>
    </Table.Cell>
  </Table.Row>
)

export const config = defineRouteConfig({
  label: "Post-purchase",
  icon: EnvelopeSolid,
})

export default PostPurchasePage
