import type {
  CreateNotificationDTO,
  Logger,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { languageOf, translator } from "../../i18n"
import { translateOrderItems, type TranslatableItem } from "../../i18n/translate-items"
import {
  DISPATCH_ORDER_FIELDS,
  findFlow,
  flowIsOn,
  FLOWS,
  loadFlowSettings,
  renderFlowEmail,
  type CopyFields,
  type FlowDefinition,
  type LoadedCustomer,
  type LoadedOrder,
} from "../../flows"
import { withoutPermission } from "../../lib/consent"
import { DEFAULTS } from "../../lib/defaults"
import { DELIVERY_ORDER_FIELDS, deliveryWait } from "../../lib/delivery-estimate"
import { parseDeliveryError, providerErrorMessage, type DeliveryFailure } from "../../lib/delivery-error"
import { notificationsByKey, type NotificationService } from "../../lib/notifications"
import { RETURN_ORDER_FIELDS, returnStatus } from "../../lib/returns"
import { loadOrderReturnTerms, type OrderReturnTerms } from "../../lib/return-terms"
import { earliestSend, frequencyCapWait, heldTooLong, type Wait } from "../../lib/send-window"
import { unsubscribeHeaders, unsubscribeUrl } from "../../lib/unsubscribe"
import {
  failedOutcome,
  heldOutcome,
  notAttemptedOutcome,
  outcomeAfterFailure,
  sentOutcome,
  skippedOutcome,
  type Outcome,
} from "../../lib/outcomes"
import { copyKey, permissionKey, POST_PURCHASE_MODULE, type ClaimedFollowup } from "../../modules/post-purchase"
import type { PluginOptions } from "../../modules/post-purchase/options"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type SendFollowupsStepInput = {
  followups: ClaimedFollowup[]
  /** Overrides the database's clock; only tests and the demo move it. */
  now?: string | Date
}

export type DispatchSummary = {
  claimed: number
  sent: number
  /** Tried, and due again later: backoff, a rate limit, a configuration error. */
  retrying: number
  /** Not tried, because the lease ran short; due again at once. */
  deferred: number
  /** Marketing held back to a later time: quiet hours, the frequency cap, the delivery. */
  held: number
  failed: number
  skipped: number
  /** Why the batch stopped sending early: the provider rate-limits, or refuses the shop's set-up. */
  halted: "rate_limited" | "configuration" | null
}

/** A follow-up that still goes out, with what its email is made from. */
type DueEmail = {
  followup: ClaimedFollowup
  flow: FlowDefinition
  /** The order, for a follow-up about one. */
  order?: LoadedOrder
  /** The customer, for a follow-up about their account (no order). */
  customer?: LoadedCustomer
  /** The order's return terms as the batch read them, for a flow that declares `needsReturnTerms`: its check at send time and its email see the same. */
  returnTerms?: OrderReturnTerms
}

type ReadyToSend = { followup: ClaimedFollowup; notification: CreateNotificationDTO }

export const sendFollowupsStepId = "pp-send-followups"

/**
 * Renders each claimed follow-up, sends them chunk by chunk through the
 * Notification Module and records each chunk's outcomes as soon as it is
 * sent: sent, retry later, failed, or skipped when the order or flow no
 * longer qualifies.
 *
 * No compensation: a sent email cannot be unsent, and each outcome is final
 * once written. Rows it could not send are given back here, with the error;
 * rows handed to the provider whose outcome was not written stay `sending`
 * until their lease ends, and the next claim reads what happened from the
 * notification under their idempotency key.
 */
export const sendFollowupsStep = createStep(
  sendFollowupsStepId,
  async ({ followups, now }: SendFollowupsStepInput, { container }) => {
    const batch = await DispatchBatch.start(container, followups, now)
    if (!followups.length) {
      return new StepResponse(batch.summary)
    }
    // first what an earlier worker left behind, whatever happens to the rest of the batch
    const open = await settleReclaimed(batch)

    let due: DueEmail[]
    try {
      due = await decideWhatGoesOut(container, batch, open)
    } catch (e) {
      // nothing was sent: every row is tried again with backoff, and gives up after the last attempt
      const failure: DeliveryFailure = { kind: "transient", message: `The emails could not be prepared: ${(e as Error).message}` }
      await batch.record(open.map((followup) => batch.afterFailure(followup, failure)))
      batch.log()
      return new StepResponse(batch.summary)
    }

    let next = 0
    try {
      for (; next < due.length; next += batch.chunkSize) {
        const chunk = due.slice(next, next + batch.chunkSize)
        if (batch.halted) {
          // the rest would meet the same refusal: it waits with the chunk that met it, untried
          await batch.record(chunk.map(({ followup }) => batch.afterFailure(followup, batch.halted!)))
        } else if (!batch.leaveTimeForAnotherSend()) {
          await batch.record(chunk.map(({ followup }) => notAttemptedOutcome(followup)))
        } else {
          await sendChunk(batch, await renderChunk(batch, chunk))
        }
      }
    } catch (e) {
      // give back what never reached the provider; the chunk that did waits for its lease
      const failure: DeliveryFailure = { kind: "transient", message: `The dispatcher stopped before sending: ${(e as Error).message}` }
      const untouched = due.slice(next + batch.chunkSize).map(({ followup }) => batch.afterFailure(followup, failure))
      await batch.record(untouched).catch(() => undefined)
      throw e
    }

    if (batch.freshSends && !batch.halted) {
      // an email just went through, so an earlier 401 or 403 was fixed: those follow-ups need not wait any longer
      await batch.service.pullForwardConfigErrorWaits(batch.clockOverride)
    }
    batch.log()
    return new StepResponse(batch.summary)
  }
)

/**
 * One dispatcher run's follow-ups, clock and tally. Time is the database's
 * clock read once at the start and advanced by the local elapsed time, so a
 * machine whose clock runs ahead cannot shorten or stretch a lease.
 */
class DispatchBatch {
  readonly summary: DispatchSummary
  halted: DeliveryFailure | null = null
  /** Emails the provider accepted in this run (not ones found sent by an earlier worker). */
  freshSends = 0
  protected readonly causes_ = new Map<string, { failure: DeliveryFailure; count: number }>()
  /** When the claim's lease ends for the first of its rows. */
  protected readonly leaseEnds_: number
  /** The copy admins override, read once per batch before its first email is rendered. */
  protected copy_?: Map<string, CopyFields>

  private constructor(
    readonly container: MedusaContainer,
    readonly service: PostPurchaseModuleService,
    readonly notifications: NotificationService,
    readonly logger: Logger,
    readonly options: PluginOptions,
    readonly followups: ClaimedFollowup[],
    readonly clockOverride: Date | undefined,
    protected readonly clockAt_: Date,
    protected readonly localAt_: number
  ) {
    this.leaseEnds_ = Math.min(...followups.map((f) => new Date(f.locked_until!).getTime()))
    this.summary = {
      claimed: followups.length,
      sent: 0,
      retrying: 0,
      deferred: 0,
      held: 0,
      failed: 0,
      skipped: 0,
      halted: null,
    }
  }

  static async start(container: MedusaContainer, followups: ClaimedFollowup[], now?: string | Date) {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const clockOverride = now ? new Date(now) : undefined
    const clockAt = followups.length ? await service.databaseNow(clockOverride) : new Date()
    return new DispatchBatch(
      container,
      service,
      container.resolve<NotificationService>(Modules.NOTIFICATION),
      container.resolve(ContainerRegistrationKeys.LOGGER),
      service.getOptions(),
      followups,
      clockOverride,
      clockAt,
      Date.now()
    )
  }

  get chunkSize() {
    return this.options.dispatch.concurrency
  }

  /** The follow-up's language; one the plugin does not write falls back to the shop's default, reported once in the logs. */
  translator(locale: string | null) {
    const fallback = this.options.i18n.defaultLocale
    return translator(locale ?? fallback, {
      fallbackLanguage: languageOf(fallback) ?? "en",
      report: (message) => this.logger.warn(message),
    })
  }

  /** Reads the copy admins override for every flow, once per batch, before anything is rendered. */
  async loadCopy() {
    this.copy_ = await this.service.currentCopy(FLOWS.map((f) => f.key))
  }

  /** The copy in use for a flow in a language: what the admin overrides, nothing when the catalogs speak. */
  copyOf(flow: string, language: string): CopyFields {
    return this.copy_?.get(copyKey(flow, language)) ?? {}
  }

  /** The database's time now. */
  now(): Date {
    return new Date(this.clockAt_.getTime() + (Date.now() - this.localAt_))
  }

  /**
   * Whether one more chunk can be sent, and its outcome recorded, before the
   * claim's lease ends and another worker may take the same rows.
   */
  leaveTimeForAnotherSend(): boolean {
    return this.now().getTime() + this.service.getLongestSendMs() + DEFAULTS.leaseMarginMs <= this.leaseEnds_
  }

  afterFailure(followup: ClaimedFollowup, failure: DeliveryFailure): Outcome {
    this.noteCause_(failure)
    return outcomeAfterFailure(followup, failure, this.now(), this.options.dispatch)
  }

  unknownDelivery(followup: ClaimedFollowup, message: string): Outcome {
    this.noteCause_({ kind: "unknown", message })
    return failedOutcome(followup.id, message)
  }

  /** Writes outcomes of rows this run still holds, counts them, and returns the ids written. */
  async record(outcomes: Outcome[], { held = false } = {}): Promise<Set<string>> {
    if (!outcomes.length) {
      return new Set()
    }
    const written = new Set(
      await this.service.recordOutcomes(
        outcomes,
        this.followups.map((f) => ({ id: f.id, locked_until: f.locked_until! }))
      )
    )
    for (const outcome of outcomes.filter((o) => written.has(o.id))) {
      if (outcome.status === "scheduled") {
        // a retry or a hold sets when; a row given back untried is due at once
        this.summary[held ? "held" : outcome.send_at ? "retrying" : "deferred"] += 1
      } else if (outcome.status === "sent" || outcome.status === "failed" || outcome.status === "skipped") {
        this.summary[outcome.status] += 1
      }
    }
    return written
  }

  halt(failure: DeliveryFailure) {
    if (!this.halted && (failure.kind === "rate_limited" || failure.kind === "configuration")) {
      this.halted = failure
      this.summary.halted = failure.kind
    }
  }

  /** One line per batch that did not simply go out, naming each cause. */
  log() {
    const { sent, retrying, deferred, failed, skipped, claimed } = this.summary
    if (!this.causes_.size && !deferred) {
      return
    }
    const causes = [...this.causes_.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ failure, count }) => `${failure.message} (${count}×, ${CAUSE_HANDLING[failure.kind](this.options)})`)
    this.logger.warn(
      `post-purchase: dispatched ${claimed} follow-ups: ${sent} sent, ${retrying} to retry, ${deferred} given back untried ` +
        `(lease ran short), ${failed} failed, ${skipped} skipped.${causes.length ? ` Cause: ${causes.join("; ")}` : ""}`
    )
  }

  protected noteCause_(failure: DeliveryFailure) {
    const key = `${failure.kind}:${failure.message}`
    const cause = this.causes_.get(key) ?? { failure, count: 0 }
    cause.count += 1
    this.causes_.set(key, cause)
  }
}

const CAUSE_HANDLING: Record<DeliveryFailure["kind"], (options: PluginOptions) => string> = {
  rate_limited: () => "rate limited: tried again when the provider allows, without using an attempt",
  transient: (o) => `temporary: tried again with backoff, up to ${o.dispatch.maxAttempts} attempts`,
  configuration: (o) =>
    `the provider refuses the shop's set-up (API key or sender): tried again for up to ${o.dispatch.configErrorRetryHours} h`,
  unknown: () => "may have gone out: not tried again; check the provider's activity, then resend if needed",
  permanent: () => "rejected: not tried again",
}

/**
 * Settles the rows whose earlier worker stopped before recording an outcome
 * (reclaimed after their lease), by what their notification says: accepted →
 * `sent`, without sending again; pending or failed → nobody can know whether
 * it went out, so `failed`, saying so. Done before anything else in the batch
 * can fail, halt or run out of lease, so such a row is never given back as if
 * it had not been tried. A row over its attempts fails too. Returns the rest.
 */
async function settleReclaimed(batch: DispatchBatch): Promise<ClaimedFollowup[]> {
  const { followups, options } = batch
  const reclaimed = followups.filter((f) => f.claimed_from === "sending")
  const earlier = await notificationsByKey(batch.notifications, reclaimed.map((f) => f.idempotency_key))
  const settled: Outcome[] = []
  const open: ClaimedFollowup[] = []
  for (const followup of followups) {
    const previous = followup.claimed_from === "sending" ? earlier.get(followup.idempotency_key) : undefined
    if (previous?.status === NotificationStatus.SUCCESS) {
      settled.push(sentOutcome(followup.id, previous, batch.now()))
    } else if (previous) {
      settled.push(batch.unknownDelivery(followup, DELIVERY_UNKNOWN))
    } else if (followup.attempts > options.dispatch.maxAttempts) {
      settled.push(
        failedOutcome(
          followup.id,
          `Gave up after ${options.dispatch.maxAttempts} attempts: ${followup.last_error ?? "the dispatcher stopped while sending"}`
        )
      )
    } else {
      open.push(followup)
    }
  }
  await batch.record(settled)
  return open
}

/** The order fields the dispatcher reads on top of the flows' own. */
const ORDER_FIELDS = [
  ...new Set([
    ...DISPATCH_ORDER_FIELDS,
    "id",
    "status",
    "email",
    "locale",
    "cart.id",
    ...RETURN_ORDER_FIELDS,
    ...DELIVERY_ORDER_FIELDS,
  ]),
]

/**
 * Decides, per follow-up, whether it goes out now, as things stand at send
 * time: skipped when the order was canceled or the flow switched off, and a
 * marketing email when every item of the order is returned or being returned
 * (a return canceled since then emits no event, so only this read sees it);
 * skipped too when the flow's own check at send time says so (`skipAtSend`);
 * held back when the recipient had marketing email within the frequency cap,
 * when the flow waits for the delivery, or during quiet hours. Skipped and
 * held ones are recorded right away.
 */
async function decideWhatGoesOut(
  container: MedusaContainer,
  batch: DispatchBatch,
  followups: ClaimedFollowup[]
): Promise<DueEmail[]> {
  if (!followups.length) {
    return []
  }
  const { options } = batch
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const settingOf = await loadFlowSettings(batch.service)
  // read before anything is recorded, so a failed read gives every row back to be tried again
  await batch.loadCopy()
  const orderIds = [...new Set(followups.map((f) => f.order_id).filter((id): id is string => !!id))]
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
    : { data: [] }
  const ordersById = new Map((orders as LoadedOrder[]).map((order) => [order.id, order]))
  const orderOfRow = (f: ClaimedFollowup) => (f.order_id ? ordersById.get(f.order_id) : undefined)
  // a follow-up about a customer's account has no order: its customer is read once for the batch instead
  const customerIds = [...new Set(followups.filter((f) => !f.order_id && f.customer_id).map((f) => f.customer_id!))]
  const { data: customers } = customerIds.length
    ? await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
    : { data: [] }
  const customersById = new Map((customers as LoadedCustomer[]).map((customer) => [customer.id, customer]))
  const now = batch.now()
  const marketingFlows = FLOWS.filter((flow) => flow.category === "marketing").map((flow) => flow.key)
  const marketingRows = followups.filter((f) => marketingFlows.includes(f.flow))
  // an account email has no cart: only consent given by email counts for it
  const permissions = await batch.service.marketingPermissions(
    marketingRows.map((f) => ({ email: f.email, cart_id: orderOfRow(f)?.cart?.id ?? null }))
  )
  const lastMarketing = options.frequencyCap.enabled
    ? await batch.service.lastMarketingSends({
        emails: [...new Set(marketingRows.map((f) => f.email))],
        flows: marketingFlows,
        exclude: followups.map((f) => f.id),
        since: new Date(now.getTime() - options.frequencyCap.windowHours * 60 * 60 * 1000),
        now,
      })
    : new Map<string, Date>()
  // the return terms as of now, read once for the batch: the flows' checks at send time and the emails quote the same terms
  const termsFlows = new Set(FLOWS.filter((flow) => flow.needsReturnTerms).map((flow) => flow.key))
  const returnTermsNow = await loadOrderReturnTerms(
    container,
    [...new Set(followups.filter((f) => termsFlows.has(f.flow) && orderOfRow(f)).map((f) => f.order_id!))],
    now
  )

  const skipped: Outcome[] = []
  const held: Outcome[] = []
  const due: DueEmail[] = []
  for (const followup of followups) {
    const flow = findFlow(followup.flow)
    const marketing = flow?.category === "marketing"
    const order = followup.order_id ? ordersById.get(followup.order_id) : undefined
    const customer = !followup.order_id && followup.customer_id ? customersById.get(followup.customer_id) : undefined
    const returns = order && marketing ? returnStatus(order.items ?? []) : "none"
    const skipReason = !flow
      ? `The flow "${followup.flow}" no longer exists`
      : !flowIsOn(flow, settingOf)
        ? settingOf(flow).enabled ? `The flow it is a reminder of ("${flow.follows}") was switched off` : "The flow was switched off"
        : !followup.order_id
          ? // about the customer's account: no order to be canceled, returned or delivered
            !customer
            ? "The customer no longer exists"
            : marketing
              ? withoutPermission(permissions.get(permissionKey(followup.email, null)), options.consent.mode, flow)
              : null
          : !order
            ? "The order no longer exists"
            : order.status === "canceled"
              ? "The order was canceled"
              : returns === "returned"
                ? "Every item of the order was returned"
                : returns === "returning"
                  ? "Every item of the order is being returned"
                  : marketing
                    ? withoutPermission(permissions.get(permissionKey(followup.email, order.cart?.id)), options.consent.mode, flow)
                    : null
    const returnTerms = flow?.needsReturnTerms && order ? returnTermsNow.get(order.id) : undefined
    // last, the flow's own look at the order as it stands now
    const flowSkipReason = skipReason ?? (order && flow!.skipAtSend?.({ order, returnTerms, now })) ?? null
    if (flowSkipReason) {
      skipped.push(skippedOutcome(followup.id, flowSkipReason))
      continue
    }
    if (marketing) {
      const waits: Wait[] = []
      const capWait = frequencyCapWait(lastMarketing.get(followup.email) ?? null, options.frequencyCap)
      if (capWait) {
        waits.push(capWait)
      }
      const parcelWait = flow!.notBeforeDelivery && order ? await deliveryWait(container, order, options, now) : null
      if (parcelWait) {
        waits.push(parcelWait)
      }
      const hold = earliestSend(now, waits, options.quietHours)
      if (hold) {
        // the frequency cap gives up on a follow-up it has held back too long
        const since = hold.capped ? new Date(followup.deferred_since ?? now) : followup.deferred_since
        if (hold.capped && heldTooLong(new Date(since!), hold.until, options.frequencyCap)) {
          skipped.push(
            skippedOutcome(
              followup.id,
              `Held back by the frequency cap for more than ${plural(options.frequencyCap.maxDeferralDays, "day")} ` +
                `(one marketing email per ${options.frequencyCap.windowHours} h)`
            )
          )
        } else {
          held.push(heldOutcome(followup, hold.until, hold.reason, since ?? null))
        }
        continue
      }
      // it goes out now, so the recipient's next marketing email in this batch waits
      lastMarketing.set(followup.email, now)
    }
    due.push({ followup, flow: flow!, order, customer, returnTerms })
  }
  await batch.record(skipped)
  await batch.record(held, { held: true })
  return due
}

/**
 * Renders a chunk's emails right before they are sent, so a batch cut short
 * by its lease renders no more than it sends. A template that throws fails
 * its follow-up: an empty mail is never sent.
 */
async function renderChunk(batch: DispatchBatch, chunk: DueEmail[]): Promise<ReadyToSend[]> {
  const { options } = batch
  const ready: ReadyToSend[] = []
  const unrenderable: Outcome[] = []
  for (const { followup, flow, order, customer, returnTerms } of chunk) {
    try {
      // every marketing email carries its recipient's unsubscribe link, in the footer and the headers
      const unsubscribe =
        flow.category === "marketing"
          ? unsubscribeUrl(
              { email: followup.email, flow: flow.key, locale: followup.locale },
              options,
              batch.service.getSigningKeys(),
              batch.now()
            )
          : null
      const i18n = batch.translator(followup.locale)
      // product titles in the email's language, when it is not the order's own
      const items = order
        ? await translateOrderItems(batch.container, order as { locale?: string | null; items?: TranslatableItem[] }, followup.locale)
        : undefined
      const props = {
        ...flow.buildProps({
          order: order ? { ...order, items } : undefined,
          customer,
          options,
          brand: options.brand,
          i18n,
          returnTerms,
          // what the workflow that scheduled it carried (a withdrawal's items and time), and the language links are signed for
          followup: { locale: followup.locale, metadata: followup.metadata },
          signingKeys: batch.service.getSigningKeys(),
          now: batch.now(),
        }),
        ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
      }
      const content = await renderFlowEmail(flow, props, batch.copyOf(flow.key, i18n.language))
      ready.push({ followup, notification: notificationFor(followup, order, content, options, unsubscribe) })
    } catch (e) {
      unrenderable.push(
        batch.afterFailure(followup, { kind: "permanent", message: `The email could not be rendered: ${(e as Error).message}` })
      )
    }
  }
  await batch.record(unrenderable)
  return ready
}

/**
 * Sends a chunk in one Notification Module call and records its outcomes.
 * Right before, it looks at what earlier attempts left under each idempotency
 * key (reclaimed rows were settled already): a sent email is recorded, not
 * sent again; an unfinished one fails the follow-up (it may have gone out); a
 * failure whose retry was recorded is replaced. The module sends the chunk
 * side by side, records each status, then throws one error listing every
 * failed notification's message; each outcome is read back.
 */
async function sendChunk(batch: DispatchBatch, chunk: ReadyToSend[]) {
  const { notifications } = batch
  const outcomes: Outcome[] = []
  const toSend: ReadyToSend[] = []
  const replaced: string[] = []

  const earlier = await notificationsByKey(notifications, chunk.map((entry) => entry.followup.idempotency_key))
  for (const entry of chunk) {
    const { followup } = entry
    const previous = earlier.get(followup.idempotency_key)
    if (previous?.status === NotificationStatus.SUCCESS) {
      outcomes.push(sentOutcome(followup.id, previous, batch.now()))
    } else if (previous?.status === NotificationStatus.PENDING) {
      outcomes.push(batch.unknownDelivery(followup, DELIVERY_UNKNOWN))
    } else {
      toSend.push(entry)
      if (previous) {
        replaced.push(previous.id)
      }
    }
  }
  if (replaced.length) {
    // Medusa 2.21 re-sends a failed notification under a new id and then cannot save it
    await notifications.deleteNotifications(replaced)
  }

  let batchError = ""
  if (toSend.length) {
    try {
      await notifications.createNotifications(toSend.map((entry) => entry.notification))
    } catch (e) {
      batchError = e instanceof Error ? e.message : String(e)
    }
  }
  const errorsById = providerErrorsById(batchError)
  const records = await notificationsByKey(notifications, toSend.map((entry) => entry.followup.idempotency_key))
  const failedRecords = new Map<string, string>()

  for (const { followup } of toSend) {
    const record = records.get(followup.idempotency_key)
    if (record?.status === NotificationStatus.SUCCESS) {
      batch.freshSends += 1
      outcomes.push(sentOutcome(followup.id, record, batch.now()))
      continue
    }
    const failure: DeliveryFailure = !record
      ? // the module records a notification before it sends it: without one nothing went out
        { kind: "transient", message: providerErrorMessage(batchError || "The notification could not be recorded") }
      : record.status === NotificationStatus.PENDING
        ? { kind: "unknown", message: DELIVERY_UNKNOWN }
        : parseDeliveryError(errorsById.get(record.id) ?? providerErrorMessage(batchError))
    if (record?.status === NotificationStatus.FAILURE) {
      failedRecords.set(followup.id, record.id)
    }
    batch.halt(failure)
    outcomes.push(batch.afterFailure(followup, failure))
  }

  const written = await batch.record(outcomes)
  // once a retry is recorded its failed notification goes, so a failed notification found later
  // always belongs to an attempt whose outcome was never recorded
  const retried = outcomes
    .filter((o) => o.status === "scheduled" && written.has(o.id) && failedRecords.has(o.id))
    .map((o) => failedRecords.get(o.id)!)
  if (retried.length) {
    await notifications.deleteNotifications(retried)
  }
}

const DELIVERY_UNKNOWN =
  "An earlier attempt stopped before its outcome was recorded, so the email may have gone out. Check the provider's activity log, then resend if needed."

function notificationFor(
  followup: ClaimedFollowup,
  order: LoadedOrder | undefined,
  content: { subject: string; html: string; text: string },
  options: PluginOptions,
  unsubscribe: string | null
): CreateNotificationDTO {
  return {
    to: followup.email,
    from: options.from ?? null,
    channel: options.channel,
    template: followup.flow,
    content,
    data: {
      flow: followup.flow,
      followup_id: followup.id,
      order_id: followup.order_id,
      order_display_id: order?.display_id ?? null,
    },
    // for webhook correlation; ids only, never personal data
    provider_data: {
      custom_args: { pp_followup_id: followup.id, pp_flow: followup.flow },
      categories: [`pp-${followup.flow}`],
      // RFC 8058 one-click unsubscribe, on marketing email only; the providers pass them on as they are
      ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
    },
    trigger_type: "pp-followup",
    resource_id: followup.id,
    resource_type: "pp_followup",
    receiver_id: followup.customer_id,
    idempotency_key: followup.idempotency_key,
  }
}

/** The Notification Module joins its per-notification errors: "Failed to send notification with id noti_…:\n<provider message>". */
function providerErrorsById(batchError: string): Map<string, string> {
  const errors = new Map<string, string>()
  for (const match of batchError.matchAll(/Failed to send notification with id (\S+):\n([^\n]*)/g)) {
    errors.set(match[1], match[2].trim())
  }
  return errors
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`
}
