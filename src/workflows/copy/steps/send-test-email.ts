import { Modules, generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { requireFlow } from "../../../flows"
import { renderFlowEmailFor } from "../../../lib/flow-email"
import type { NotificationService } from "../../../lib/notifications"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type SendTestEmailStepInput = { flow: string; to: string; locale?: string | null; order_id?: string | null; sent_by: string }

/** What the subject of a test email starts with, so nobody takes it for the real one. */
export const TEST_SUBJECT_PREFIX = "[Test] "

export const sendTestEmailStepId = "pp-send-test-email"

/**
 * Renders a flow's email with the copy in use and sends it to the address an
 * admin typed, through the plugin's channel, under a key of its own: it is
 * not a follow-up, and no follow-up is created or touched.
 *
 * No compensation: a sent email cannot be unsent.
 */
export const sendTestEmailStep = createStep(
  sendTestEmailStepId,
  async ({ flow: key, to, locale, order_id, sent_by }: SendTestEmailStepInput, { container }) => {
    const flow = requireFlow(key)
    const options = container.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE).getOptions()
    const email = await renderFlowEmailFor(container, flow, { locale, orderId: order_id })
    const notifications = container.resolve<NotificationService>(Modules.NOTIFICATION)
    const [notification] = await notifications.createNotifications([
      {
        to,
        from: options.from ?? null,
        channel: options.channel,
        template: flow.key,
        content: { subject: `${TEST_SUBJECT_PREFIX}${email.subject}`, html: email.html, text: email.text },
        data: {
          flow: flow.key,
          test: true,
          sent_by,
          ...(email.order ? { order_id: email.order.id, order_display_id: email.order.display_id } : {}),
        },
        provider_data: { custom_args: { pp_flow: flow.key, pp_test: "true" }, categories: [`pp-${flow.key}`, "pp-test"] },
        trigger_type: "pp-test-email",
        // a fresh key: a test email never meets a follow-up's, nor an earlier test's
        idempotency_key: generateEntityId(undefined, "pptest"),
      },
    ])
    return new StepResponse({ notification_id: notification?.id ?? null, to, locale: email.locale, subject: `${TEST_SUBJECT_PREFIX}${email.subject}` })
  }
)
