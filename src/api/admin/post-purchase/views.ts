import type { MedusaContainer } from "@medusajs/framework/types"
import { findFlow, FLOWS, loadFlowSettings, type FlowDefinition } from "../../../flows"
import { POST_PURCHASE_MODULE, type FollowupDTO } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

/** A flow as the admin shows it: its declaration plus its current settings. */
export async function flowViews(container: MedusaContainer, only?: FlowDefinition) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const settingOf = await loadFlowSettings(service)
  return (only ? [only] : FLOWS).map((flow) => ({
    key: flow.key,
    label: flow.label,
    description: flow.description,
    category: flow.category,
    trigger: flow.trigger,
    ...settingOf(flow),
  }))
}

export const FOLLOWUP_FIELDS = [
  "id",
  "order_id",
  "flow",
  "status",
  "email",
  "send_at",
  "sent_at",
  "attempts",
  "last_error",
  "status_reason",
  "provider_message_id",
  "created_at",
  "updated_at",
] as const

export function followupView(followup: Pick<FollowupDTO, (typeof FOLLOWUP_FIELDS)[number]>) {
  const view = Object.fromEntries(FOLLOWUP_FIELDS.map((field) => [field, followup[field]]))
  return { ...view, flow_label: findFlow(followup.flow)?.label ?? followup.flow }
}
