import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { anchorOf, findFlow, FLOWS, leadOf, loadFlowSettings, triggerOf, type FlowDefinition } from "../../../flows"
import { POST_PURCHASE_MODULE, type FollowupDTO } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

/** A flow as the admin shows it: its declaration plus its current settings. */
export async function flowViews(container: MedusaContainer, only?: FlowDefinition) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const settingOf = await loadFlowSettings(service)
  const options = service.getOptions()
  return (only ? [only] : FLOWS).map((flow) => ({
    key: flow.key,
    label: flow.label,
    description: typeof flow.description === "function" ? flow.description(options) : flow.description,
    category: flow.category,
    // what its follow-ups are about: an order, or the customer's account (loyalty emails)
    about: flow.about ?? "order",
    // what schedules it: the order's anchors, or a workflow (a withdrawal's acknowledgement)
    trigger: triggerOf(flow),
    ...settingOf(flow),
    anchor: anchorOf(flow, settingOf),
    // a reminder: its delay runs from when this flow is due, and it goes out only while this one is on
    follows: leadOf(flow) ? { key: leadOf(flow)!.key, label: leadOf(flow)!.label } : null,
    // a flow with its own timing, or one a workflow schedules, has no delay to edit: when it goes, in words
    due_rule: flow.dueAt || triggerOf(flow) !== "anchor" ? flow.describeDueAt?.(options) ?? "set by the flow" : null,
  }))
}

export const FOLLOWUP_FIELDS = [
  "id",
  "order_id",
  "customer_id",
  "flow",
  "status",
  "email",
  "locale",
  "send_at",
  "sent_at",
  "attempts",
  "last_error",
  "status_reason",
  "provider_message_id",
  "created_at",
  "updated_at",
] as const

function followupView(followup: Pick<FollowupDTO, (typeof FOLLOWUP_FIELDS)[number]>) {
  const view = Object.fromEntries(FOLLOWUP_FIELDS.map((field) => [field, followup[field]]))
  return { ...view, flow_label: findFlow(followup.flow)?.label ?? followup.flow }
}

/** Follow-ups as the admin shows them, each with its order's number as the admin knows it. */
export async function followupViews(
  container: MedusaContainer,
  followups: Pick<FollowupDTO, (typeof FOLLOWUP_FIELDS)[number]>[]
) {
  // a follow-up about a customer's account has no order
  const orderIds = [...new Set(followups.map((f) => f.order_id).filter((id): id is string => !!id))]
  const { data: orders } = orderIds.length
    ? await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
    : { data: [] }
  // no annotation: Medusa's generated query types (.medusa/types) call display_id a string; it is a number
  const displayIds = new Map(orders.map((o) => [o.id, o.display_id]))
  return followups.map((f) => ({ ...followupView(f), order_display_id: (f.order_id && displayIds.get(f.order_id)) || null }))
}
