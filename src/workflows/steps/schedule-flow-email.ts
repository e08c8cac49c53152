import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findFlow, flowIsOn, loadFlowSettings } from "../../flows"
import { resolveCustomerLocales, resolveOrderLocales } from "../../i18n/resolve"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type ScheduleFlowEmailStepInput = {
  /** The flow's key. */
  flow: string
  customer_id: string
  /** The order the email is about; none for an email about the customer's account. */
  order_id?: string | null
  /** What the email is made from, carried to the dispatcher on the follow-up. */
  metadata: Record<string, unknown>
  /** What makes this email one of a kind (the loyalty entry it announces): scheduling it twice writes it once. */
  key: string
  /** What its timing counts from, as the follow-up stores it (`loyalty.reward_redeemed`). */
  anchor_event: string
  /** When it is due; at once without one. */
  send_at?: Date | string | null
}

export const scheduleFlowEmailStepId = "pp-schedule-flow-email"

/**
 * Schedules one email of a flow that a workflow triggers (not the order's
 * anchors), to the customer's address in their language: the order's
 * language when the email is about an order, else the customer's stored
 * preference, else the shop's default. Nothing when the flow is off or the
 * customer has no address; once per key, whatever retries and redelivered
 * events do. Compensation deletes only what this run created.
 */
export const scheduleFlowEmailStep = createStep(
  scheduleFlowEmailStepId,
  async (input: ScheduleFlowEmailStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const flow = findFlow(input.flow)
    const settingOf = await loadFlowSettings(service)
    if (!flow || !flowIsOn(flow, settingOf)) {
      return new StepResponse([] as string[], [] as string[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: input.customer_id } })
    const email = (customers[0] as { email?: string | null } | undefined)?.email
    if (!email) {
      return new StepResponse([] as string[], [] as string[])
    }
    const orderId = flow.about === "account" ? null : (input.order_id ?? null)
    const locale = orderId
      ? (await resolveOrderLocales(container, [orderId])).get(orderId)
      : (await resolveCustomerLocales(container, [input.customer_id])).get(input.customer_id)
    const now = new Date()
    const sendAt = input.send_at ? new Date(input.send_at) : now
    const created = await service.createMissingFollowups([
      {
        flow: flow.key,
        step: 0,
        order_id: orderId,
        customer_id: input.customer_id,
        email,
        locale: locale ?? null,
        anchor_event: input.anchor_event,
        anchor_at: now,
        send_at: sendAt,
        idempotency_key: `${flow.key}:${input.key}`,
        metadata: input.metadata,
      },
    ])
    const ids = created.map((row) => row.id)
    return new StepResponse(ids, ids)
  },
  deleteScheduledFollowups
)

/** The compensation of a step that scheduled follow-ups: the ones it created go, none it found already there. */
export async function deleteScheduledFollowups(ids: string[] | undefined, { container }: { container: MedusaContainer }) {
  if (ids?.length) {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    await service.deleteFollowups(ids)
  }
}
