import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findFlow, loadFlowSettings } from "../../../flows"
import type { WithdrawalFollowupData } from "../../../flows/withdrawal-confirmation"
import { resolveOrderLocales } from "../../../i18n/resolve"
import { ANCHOR_EVENTS, POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"
import { deleteScheduledFollowups } from "../../steps/schedule-flow-email"
import type { PreparedWithdrawal } from "./prepare-withdrawal"

export type ScheduleWithdrawalAcknowledgementStepInput = { withdrawal: PreparedWithdrawal; return_id: string }

/** The flow whose email acknowledges a withdrawal. */
export const WITHDRAWAL_ACKNOWLEDGEMENT_FLOW = "withdrawal-confirmation"

export const scheduleWithdrawalAcknowledgementStepId = "pp-schedule-withdrawal-acknowledgement"

/**
 * Schedules the acknowledgement of a withdrawal, due at once, to the order's
 * email in the order's language, once per withdrawal (its idempotency key).
 * The withdrawal rides on the follow-up's metadata, so the dispatcher can
 * write the email. Nothing when an admin switched the flow off.
 */
export const scheduleWithdrawalAcknowledgementStep = createStep(
  scheduleWithdrawalAcknowledgementStepId,
  async ({ withdrawal, return_id }: ScheduleWithdrawalAcknowledgementStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const flow = findFlow(WITHDRAWAL_ACKNOWLEDGEMENT_FLOW)!
    const settingOf = await loadFlowSettings(service)
    if (!settingOf(flow).enabled) {
      return new StepResponse([] as string[], [] as string[])
    }
    const locales = await resolveOrderLocales(container, [withdrawal.order_id])
    const data: WithdrawalFollowupData = {
      withdrawal_id: withdrawal.withdrawal_id,
      return_id,
      name: withdrawal.name,
      email: withdrawal.email,
      withdrawn_at: withdrawal.withdrawn_at,
      items: withdrawal.items,
      return_address: withdrawal.return_address,
    }
    const created = await service.createMissingFollowups([
      {
        flow: flow.key,
        step: 0,
        order_id: withdrawal.order_id,
        customer_id: withdrawal.order_customer_id,
        email: withdrawal.order_email,
        locale: locales.get(withdrawal.order_id) ?? null,
        anchor_event: ANCHOR_EVENTS.withdrawal,
        anchor_at: new Date(withdrawal.withdrawn_at),
        send_at: new Date(withdrawal.withdrawn_at),
        idempotency_key: `${withdrawal.order_id}:${flow.key}:${withdrawal.withdrawal_id}`,
        metadata: data,
      },
    ])
    const ids = created.map((row) => row.id)
    return new StepResponse(ids, ids)
  },
  deleteScheduledFollowups
)
