import type { INotificationModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, NotificationStatus, promiseAll } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderEmail } from "../../emails/render"
import { DISPATCH_ORDER_FIELDS, effectiveFlowSetting, findFlow, type LoadedOrder } from "../../flows"
import { isRetryableDeliveryError, providerErrorMessage } from "../../lib/delivery-error"
import { POST_PURCHASE_MODULE, type ClaimedFollowup, type FollowupDTO } from "../../modules/post-purchase"
import type { PluginOptions } from "../../modules/post-purchase/options"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type SendFollowupsStepInput = {
  followups: ClaimedFollowup[]
  now?: string | Date
}

export type DispatchSummary = {
  claimed: number
  sent: number
  retrying: number
  failed: number
  skipped: number
}

type Outcome = Pick<FollowupDTO, "id" | "status"> & Partial<FollowupDTO>

export const sendFollowupsStepId = "pp-send-followups"

/**
 * Renders and sends each claimed follow-up through the Notification Module and
 * records the outcome: sent, retry later, failed, or skipped when the order or
 * flow no longer qualifies.
 *
 * No compensation: a sent email cannot be unsent, and every outcome is final
 * once written. A crash before the write leaves rows `sending`; they are
 * claimed again after the lease, and the notification's idempotency key keeps
 * them from going out twice.
 */
export const sendFollowupsStep = createStep(
  sendFollowupsStepId,
  async ({ followups, now }: SendFollowupsStepInput, { container }) => {
    const summary: DispatchSummary = { claimed: followups.length, sent: 0, retrying: 0, failed: 0, skipped: 0 }
    if (!followups.length) {
      return new StepResponse(summary)
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const options = service.getOptions()
    const clock = now ? new Date(now) : new Date()

    const saved = await service.listFlowSettings({}, { select: ["flow", "enabled", "delay_seconds"] })
    const { data: orders } = await query.graph({
      entity: "order",
      fields: DISPATCH_ORDER_FIELDS,
      filters: { id: [...new Set(followups.map((f) => f.order_id))] },
    })
    const ordersById = new Map((orders as LoadedOrder[]).map((order) => [order.id, order]))

    const deliver = async (followup: ClaimedFollowup): Promise<Outcome> => {
      const flow = findFlow(followup.flow)
      const order = ordersById.get(followup.order_id)
      const skipReason = !flow
        ? `The flow "${followup.flow}" no longer exists`
        : !effectiveFlowSetting(flow, options, saved).enabled
          ? "The flow was switched off"
          : !order
            ? "The order no longer exists"
            : order.status === "canceled"
              ? "The order was canceled"
              : null
      if (skipReason) {
        return { id: followup.id, status: "skipped", status_reason: skipReason, locked_until: null }
      }

      let content: { subject: string; html: string; text: string }
      try {
        const props = flow!.buildProps({ order: order!, options, brand: options.brand })
        content = { subject: flow!.subject(props), ...(await renderEmail(flow!.template(props))) }
      } catch (e) {
        // a template that throws must fail the send, never send an empty mail
        return failed(followup, `The email could not be rendered: ${(e as Error).message}`)
      }

      try {
        const notification = await notifications.createNotifications({
          to: followup.email,
          from: options.from ?? null,
          channel: options.channel,
          template: followup.flow,
          content,
          data: {
            flow: followup.flow,
            followup_id: followup.id,
            order_id: followup.order_id,
            order_display_id: order!.display_id,
          },
          // for webhook correlation; ids only, never personal data
          provider_data: {
            custom_args: { pp_followup_id: followup.id, pp_flow: followup.flow },
            categories: [`pp-${followup.flow}`],
          },
          trigger_type: "pp-followup",
          resource_id: followup.id,
          resource_type: "pp_followup",
          receiver_id: followup.customer_id,
          idempotency_key: followup.idempotency_key,
        })
        // already sent by an earlier worker that died before recording it
        const record =
          notification ??
          (await notifications.listNotifications({ idempotency_key: followup.idempotency_key } as object))[0]
        if (record?.status !== NotificationStatus.SUCCESS) {
          throw new Error(`The notification ended as ${record?.status ?? "missing"} [retryable]`)
        }
        return {
          id: followup.id,
          status: "sent",
          sent_at: new Date(),
          notification_id: record.id,
          provider_message_id: record.external_id ?? null,
          last_error: null,
          locked_until: null,
        }
      } catch (e) {
        const message = providerErrorMessage(e)
        if (isRetryableDeliveryError(message) && followup.attempts < options.dispatch.maxAttempts) {
          return {
            id: followup.id,
            status: "scheduled",
            send_at: new Date(clock.getTime() + backoffMs(followup.attempts, options)),
            last_error: message,
            locked_until: null,
          }
        }
        return failed(followup, message)
      }
    }

    const outcomes = await mapWithConcurrency(followups, options.dispatch.concurrency, deliver)
    await service.updateFollowups(outcomes)

    for (const outcome of outcomes) {
      const key = outcome.status === "scheduled" ? "retrying" : (outcome.status as keyof DispatchSummary)
      summary[key] += 1
      if (outcome.status === "failed") {
        logger.warn(`post-purchase: follow-up ${outcome.id} failed: ${outcome.last_error}`)
      }
    }
    return new StepResponse(summary)
  }
)

function failed(followup: ClaimedFollowup, message: string): Outcome {
  return { id: followup.id, status: "failed", last_error: message, locked_until: null }
}

/** Exponential backoff with equal jitter: half the delay fixed, half random. */
export function backoffMs(attempt: number, { dispatch }: PluginOptions): number {
  const exponential = dispatch.backoffSeconds * 2 ** Math.max(0, attempt - 1)
  const capped = Math.min(exponential, dispatch.maxBackoffSeconds) * 1000
  return Math.round(capped / 2 + Math.random() * (capped / 2))
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await promiseAll(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
