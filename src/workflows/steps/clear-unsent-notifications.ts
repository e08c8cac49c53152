import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationsByKey, type NotificationService } from "../../lib/notifications"
import type { FollowupDTO } from "../../modules/post-purchase"

export type ClearUnsentNotificationsStepInput = { followups: Pick<FollowupDTO, "idempotency_key">[] }

export const clearUnsentNotificationsStepId = "pp-clear-unsent-notifications"

/**
 * An admin resends: the notifications of earlier attempts that did not go
 * through (failed, or never finished) go, so the dispatcher sends afresh
 * instead of reading them as an attempt whose outcome was never recorded.
 *
 * No compensation: the follow-up keeps what those attempts said in its
 * `last_error`; the notifications were only their record.
 */
export const clearUnsentNotificationsStep = createStep(
  clearUnsentNotificationsStepId,
  async ({ followups }: ClearUnsentNotificationsStepInput, { container }) => {
    const notifications = container.resolve<NotificationService>(Modules.NOTIFICATION)
    const records = await notificationsByKey(notifications, followups.map((f) => f.idempotency_key))
    const unsent = [...records.values()]
      .filter((record) => record.status !== NotificationStatus.SUCCESS)
      .map((record) => record.id)
    if (unsent.length) {
      await notifications.deleteNotifications(unsent)
    }
    return new StepResponse(unsent)
  }
)
