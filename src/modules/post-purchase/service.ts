import type { Context, Logger } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { ConsentRecord } from "./models/consent-record"
import { CopyVersion } from "./models/copy-version"
import { CustomerPreference } from "./models/customer-preference"
import { FlowSetting } from "./models/flow-setting"
import { ANCHOR_EVENTS, Followup } from "./models/followup"
import { OrderAnchor } from "./models/order-anchor"
import { OrderReturnPolicy } from "./models/order-return-policy"
import { ReturnPolicy } from "./models/return-policy"
import { ReturnedItem } from "./models/returned-item"
import { Suppression } from "./models/suppression"
import { Withdrawal } from "./models/withdrawal"
import { SurveyAnswer } from "./models/survey-answer"
import { netPromoterScore } from "../../lib/nps"
import { parsePluginOptions, type PluginOptions } from "./options"
import { longestSendMs } from "./provider-timeouts"
import { resolveSigningKeys, type SigningKey } from "../../lib/signed-link"
import type { PolicyScope, ReturnPolicyTerms, ReturnPolicyVersion } from "../../lib/return-policy"
import type {
  ClaimedFollowup,
  CopyVersionDTO,
  DeliveryProblem,
  FollowupDTO,
  FollowupLease,
  FollowupStatus,
  NewCopyVersion,
  NewFollowup,
  NewOrderAnchor,
  NewReturnedItem,
  NewSurveyAnswer,
  NpsSummary,
  SurveyAnswerDTO,
} from "./types"

type SqlManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

type InjectedDependencies = {
  logger: Logger
  // the module's MikroORM entity manager, for the few statements the ORM cannot express
  manager: SqlManager
}

const placeholders = (items: unknown[]) => items.map(() => "?").join(", ")

/** Recipients are compared lower-cased and trimmed: mail providers treat addresses so. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The key `marketingPermissions` answers under for a recipient of an order. */
export function permissionKey(email: string, cartId?: string | null): string {
  return `${normalizeEmail(email)} ${cartId ?? ""}`
}

export type MarketingPermission = {
  /** The latest consent that counts, or none. */
  consent: { granted: boolean; given_at: Date; source: string } | null
  /** Active suppressions: `all`, or a flow's key. */
  suppressed: { scope: string; since: Date }[]
}

type SuppressionSource = "unsubscribe" | "withdrawal" | "admin"

/** `(id, locked_until)` pairs; locked_until is compared at the millisecond precision a JS Date keeps. */
function leaseMatch(leases: FollowupLease[]) {
  return {
    sql: `(id, date_trunc('milliseconds', locked_until)) IN (${leases.map(() => "(?, ?::timestamptz)").join(", ")})`,
    params: leases.flatMap((lease) => [lease.id, new Date(lease.locked_until)]),
  }
}

/**
 * The database's clock as the statement starts, or the override tests and the
 * demo pass; claims and leases count from it. `statement_timestamp()`, not
 * `clock_timestamp()`: it is the same clock, but stable within a statement, so
 * the planner can use it to estimate how few rows are due and keep the claim
 * on its index.
 */
const CLOCK = "COALESCE(?::timestamptz, statement_timestamp())"

/** Rows per INSERT, well below Postgres's limit of 65535 parameters. */
const INSERT_CHUNK = 1000

const FOLLOWUP_COLUMNS = [
  "id",
  "flow",
  "step",
  "order_id",
  "customer_id",
  "email",
  "locale",
  "anchor_event",
  "anchor_at",
  "send_at",
  "idempotency_key",
  "metadata",
] as const

/**
 * Follow-ups, flow settings, order anchors, returned items, consent,
 * suppressions, customer preferences, copy versions, the returns policy
 * with the version each order was placed under, and the customers'
 * withdrawals, and the answers to the feedback survey; CRUD comes from
 * MedusaService.
 */
export default class PostPurchaseModuleService extends MedusaService({
  Followup,
  FlowSetting,
  OrderAnchor,
  ReturnedItem,
  ConsentRecord,
  Suppression,
  CustomerPreference,
  CopyVersion,
  ReturnPolicy,
  OrderReturnPolicy,
  Withdrawal,
  SurveyAnswer,
}) {
  protected readonly options_: PluginOptions
  protected readonly longestSendMs_: number
  protected readonly manager_: InjectedDependencies["manager"]
  protected readonly signingKeys_: SigningKey[]

  constructor(container: InjectedDependencies, options: unknown) {
    // @ts-ignore MedusaService takes the container and module declaration as they come
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.longestSendMs_ = longestSendMs(this.options_)
    this.manager_ = container.manager
    const signing = resolveSigningKeys(this.options_.signingKeys)
    this.signingKeys_ = signing.keys
    // a module booted on its own (module tests) has no logger
    const logger = container.logger ?? console
    if (signing.ephemeral) {
      logger.warn(
        'post-purchase: no "signingKeys" option, so unsubscribe links are signed with a key that lasts until this process stops (fine in development, refused in production)'
      )
    }
    if (!this.options_.backendUrl.startsWith("https://") && !signing.ephemeral) {
      logger.warn(
        `post-purchase: "backendUrl" is ${this.options_.backendUrl}; mail clients offer one-click unsubscribe only for https links`
      )
    }
  }

  /** The keys links in emails are signed with; the first signs. */
  getSigningKeys(): SigningKey[] {
    return this.signingKeys_
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /** How long one send through the plugin's channel may take at most (its provider's timeouts). */
  getLongestSendMs(): number {
    return this.longestSendMs_
  }

  /** The database's clock, which every instance shares; `now` overrides it for tests and the demo. */
  async databaseNow(now?: Date): Promise<Date> {
    const [row] = await this.manager_.execute(`SELECT COALESCE(?::timestamptz, clock_timestamp()) AS now`, [now ?? null])
    return new Date(row.now)
  }

  /**
   * Inserts the follow-ups whose idempotency key does not exist yet and returns
   * only those; rows that already exist (a redelivered event, a concurrent
   * worker) are left as they are.
   */
  async createMissingFollowups(rows: NewFollowup[]): Promise<{ id: string; idempotency_key: string }[]> {
    const created: { id: string; idempotency_key: string }[] = []
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK)
      const values: unknown[] = []
      const tuples = chunk.map((row) => {
        const record = { ...row, id: generateEntityId(undefined, "ppfu") }
        for (const column of FOLLOWUP_COLUMNS) {
          const value = record[column as keyof typeof record]
          values.push(column === "metadata" && value != null ? JSON.stringify(value) : value ?? null)
        }
        return `(${FOLLOWUP_COLUMNS.map(() => "?").join(", ")}, 'scheduled', 0, now(), now())`
      })
      created.push(
        ...(await this.manager_.execute(
          `INSERT INTO pp_followup (${FOLLOWUP_COLUMNS.join(", ")}, status, attempts, created_at, updated_at)
           VALUES ${tuples.join(", ")}
           ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
           RETURNING id, idempotency_key`,
          values
        ))
      )
    }
    return created
  }

  /**
   * Records when each anchor happened, unless it is recorded already: the
   * first report wins. Returns the ids of the rows this call added.
   */
  async recordOrderAnchors(anchors: NewOrderAnchor[]): Promise<string[]> {
    if (!anchors.length) {
      return []
    }
    const values = anchors.flatMap((a) => [generateEntityId(undefined, "ppan"), a.order_id, a.anchor, new Date(a.occurred_at), a.source])
    const inserted: { id: string }[] = await this.manager_.execute(
      `INSERT INTO pp_order_anchor (id, order_id, anchor, occurred_at, source, created_at, updated_at)
       VALUES ${anchors.map(() => "(?, ?, ?, ?, ?, now(), now())").join(", ")}
       ON CONFLICT (order_id, anchor) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      values
    )
    return inserted.map((row) => row.id)
  }

  /**
   * Writes a return's items as the return now stands, one row per return and
   * line item (a redelivered event writes the same values again). Returns the
   * rows as they were before, for a compensation to put back.
   */
  async recordReturnedItems(items: NewReturnedItem[]): Promise<{ id: string; existed: boolean; requested_quantity: number; received_quantity: number }[]> {
    if (!items.length) {
      return []
    }
    const values = items.flatMap((item) => [
      generateEntityId(undefined, "ppri"),
      item.order_id,
      item.return_id,
      item.line_item_id,
      item.requested_quantity,
      item.received_quantity,
    ])
    // the old values come from the row as the statement found it (a self-join on the conflict target)
    return await this.manager_.execute(
      `WITH before AS (
         SELECT id, return_id, line_item_id, requested_quantity, received_quantity FROM pp_returned_item
         WHERE deleted_at IS NULL AND (return_id, line_item_id) IN (${items.map(() => "(?, ?)").join(", ")})
       ), written AS (
         INSERT INTO pp_returned_item (id, order_id, return_id, line_item_id, requested_quantity, received_quantity, created_at, updated_at)
         VALUES ${items.map(() => "(?, ?, ?, ?, ?, ?, now(), now())").join(", ")}
         ON CONFLICT (return_id, line_item_id) WHERE deleted_at IS NULL
         DO UPDATE SET requested_quantity = excluded.requested_quantity, received_quantity = excluded.received_quantity, updated_at = now()
         RETURNING id, return_id, line_item_id
       )
       SELECT written.id, before.id IS NOT NULL AS existed,
              COALESCE(before.requested_quantity, 0) AS requested_quantity, COALESCE(before.received_quantity, 0) AS received_quantity
       FROM written LEFT JOIN before USING (return_id, line_item_id)`,
      [...items.flatMap((item) => [item.return_id, item.line_item_id]), ...values]
    )
  }

  /**
   * Each recipient's latest marketing email since `since`, for the frequency
   * cap: sent ones, and ones another worker is sending right now (they count
   * as sent at `now`). `exclude` leaves out the caller's own batch.
   */
  async lastMarketingSends({
    emails,
    flows,
    exclude,
    since,
    now,
  }: {
    emails: string[]
    flows: string[]
    exclude: string[]
    since: Date
    now: Date
  }): Promise<Map<string, Date>> {
    if (!emails.length || !flows.length) {
      return new Map()
    }
    const rows: { email: string; at: Date }[] = await this.manager_.execute(
      `SELECT email, max(CASE WHEN status = 'sent' THEN sent_at ELSE ?::timestamptz END) AS at
       FROM pp_followup
       WHERE deleted_at IS NULL AND email IN (${placeholders(emails)}) AND flow IN (${placeholders(flows)})
         ${exclude.length ? `AND id NOT IN (${placeholders(exclude)})` : ""}
         AND ((status = 'sent' AND sent_at > ?) OR (status = 'sending' AND locked_until > ?))
       GROUP BY email`,
      [now, ...emails, ...flows, ...exclude, since, now]
    )
    return new Map(rows.map((row) => [row.email, new Date(row.at)]))
  }

  /**
   * What stands in the way of marketing email to each recipient, as of now:
   * their latest consent (a guest's checkout consent counts for the order its
   * cart became, even before it is bound to the address), and their active
   * suppressions. Emails are compared lower-cased.
   */
  async marketingPermissions(
    recipients: { email: string; cart_id?: string | null }[]
  ): Promise<Map<string, MarketingPermission>> {
    const emails = [...new Set(recipients.map((r) => normalizeEmail(r.email)))]
    const carts = [...new Set(recipients.map((r) => r.cart_id).filter((id): id is string => !!id))]
    const permissions = new Map<string, MarketingPermission>()
    if (!emails.length) {
      return permissions
    }
    const [consents, suppressions]: [any[], any[]] = await Promise.all([
      this.manager_.execute(
        `SELECT email, cart_id, granted, given_at, source FROM pp_consent_record
         WHERE deleted_at IS NULL AND (email IN (${placeholders(emails)}) ${carts.length ? `OR cart_id IN (${placeholders(carts)})` : ""})`,
        [...emails, ...carts]
      ),
      this.manager_.execute(
        `SELECT email, scope, created_at FROM pp_suppression
         WHERE deleted_at IS NULL AND lifted_at IS NULL AND email IN (${placeholders(emails)})`,
        emails
      ),
    ])
    for (const recipient of recipients) {
      const email = normalizeEmail(recipient.email)
      const key = permissionKey(recipient.email, recipient.cart_id)
      const latest = consents
        .filter((c) => c.email === email || (recipient.cart_id && c.cart_id === recipient.cart_id))
        .sort((a, b) => new Date(b.given_at).getTime() - new Date(a.given_at).getTime())[0]
      permissions.set(key, {
        consent: latest ? { granted: latest.granted, given_at: new Date(latest.given_at), source: latest.source } : null,
        suppressed: suppressions
          .filter((s) => s.email === email)
          .map((s) => ({ scope: s.scope, since: new Date(s.created_at) })),
      })
    }
    return permissions
  }

  /**
   * Binds a guest's checkout consents, waiting for their cart to become an
   * order, to that order and its address. Returns the records bound.
   */
  async bindCheckoutConsent(
    cartId: string,
    order: { order_id: string; email: string; customer_id: string | null }
  ): Promise<{ id: string; granted: boolean }[]> {
    return await this.manager_.execute(
      `UPDATE pp_consent_record SET order_id = ?, email = ?, customer_id = COALESCE(customer_id, ?), updated_at = now()
       WHERE cart_id = ? AND email IS NULL AND deleted_at IS NULL
       RETURNING id, granted`,
      [order.order_id, normalizeEmail(order.email), order.customer_id, cartId]
    )
  }

  /**
   * Lifts the given suppressions that are still active, under the row's own
   * check, so two admins lifting at once cannot overwrite each other's who and
   * why. Returns the ids lifted.
   */
  async liftSuppressions(ids: string[], lift: { lifted_by: string; reason: string }): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const lifted: { id: string }[] = await this.manager_.execute(
      `UPDATE pp_suppression SET lifted_at = now(), lifted_by = ?, lift_reason = ?, updated_at = now()
       WHERE id IN (${placeholders(ids)}) AND lifted_at IS NULL AND deleted_at IS NULL
       RETURNING id`,
      [lift.lifted_by, lift.reason, ...ids]
    )
    return lifted.map((row) => row.id)
  }

  /** Adds suppressions unless the recipient already has an active one for the scope; returns the ids added. */
  async addSuppressions(rows: { email: string; scope: string; source: SuppressionSource; reason: string }[]): Promise<string[]> {
    if (!rows.length) {
      return []
    }
    const inserted: { id: string }[] = await this.manager_.execute(
      `INSERT INTO pp_suppression (id, email, scope, source, reason, created_at, updated_at)
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, now(), now())").join(", ")}
       ON CONFLICT (email, scope) WHERE lifted_at IS NULL AND deleted_at IS NULL DO NOTHING
       RETURNING id`,
      rows.flatMap((row) => [generateEntityId(undefined, "ppsu"), normalizeEmail(row.email), row.scope, row.source, row.reason])
    )
    return inserted.map((row) => row.id)
  }

  /** When the plugin first recorded an anchor in this database; the reconciliation never looks before it. */
  async earliestAnchorAt(): Promise<Date | null> {
    const [row] = await this.manager_.execute(
      `SELECT min(created_at) AS earliest FROM pp_order_anchor WHERE deleted_at IS NULL`
    )
    return row?.earliest ? new Date(row.earliest) : null
  }

  /**
   * Atomically takes up to `limit` follow-ups, first `sending` ones whose lease
   * ran out, then due ones, and marks them `sending` with a fresh lease. Rows
   * locked by a concurrent claim are skipped, so two workers never take the
   * same row. Time is the database's clock, which every instance shares.
   * `claimed_from` tells a reclaimed row (its worker stopped) from a due one.
   */
  async claimDueFollowups({
    limit,
    leaseSeconds,
    ids,
    now,
  }: {
    limit: number
    leaseSeconds: number
    /** Only these follow-ups, due or not (an admin's resend). */
    ids?: string[]
    /** Overrides the database's clock; only tests and the demo move it. */
    now?: Date
  }): Promise<ClaimedFollowup[]> {
    const onlyIds = ids?.length ? `AND id IN (${placeholders(ids)})` : ""
    const idParams = ids ?? []
    const clock = now ?? null
    const dueWhen = ids?.length ? "" : `AND send_at <= ${CLOCK}`
    return await this.manager_.execute(
      `WITH expired AS (
         SELECT id, 'sending'::text AS claimed_from FROM pp_followup
         WHERE status = 'sending' AND locked_until <= ${CLOCK} AND deleted_at IS NULL ${onlyIds}
         ORDER BY locked_until
         LIMIT ? FOR UPDATE SKIP LOCKED
       ), due AS (
         SELECT id, 'scheduled'::text AS claimed_from FROM pp_followup
         WHERE status = 'scheduled' ${dueWhen} AND deleted_at IS NULL ${onlyIds}
         ORDER BY send_at
         LIMIT ? FOR UPDATE SKIP LOCKED
       ), picked AS (
         -- one limit for both: due rows locked beyond it are let go when the statement ends
         (SELECT * FROM expired UNION ALL SELECT * FROM due) LIMIT ?
       )
       UPDATE pp_followup AS f
       SET status = 'sending',
           attempts = f.attempts + 1,
           locked_until = ${CLOCK} + make_interval(secs => ?),
           updated_at = now()
       FROM picked
       WHERE f.id = picked.id
       RETURNING f.*, picked.claimed_from`,
      [
        clock,
        ...idParams,
        limit,
        ...(ids?.length ? [] : [clock]),
        ...idParams,
        limit,
        limit,
        clock,
        leaseSeconds,
      ]
    )
  }

  /**
   * Writes the outcome of each follow-up this worker still holds, i.e. whose
   * lease it took is unchanged; a row another worker claimed after the lease
   * ran out is left to that worker. Returns the ids written.
   */
  @InjectTransactionManager()
  async recordOutcomes(
    outcomes: (Partial<FollowupDTO> & { id: string })[],
    leases: FollowupLease[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const wanted = new Set(outcomes.map((outcome) => outcome.id))
    const relevant = leases.filter((lease) => wanted.has(lease.id))
    if (!relevant.length) {
      return []
    }
    const lease = leaseMatch(relevant)
    const held: { id: string }[] = await (sharedContext.transactionManager as SqlManager).execute(
      `SELECT id FROM pp_followup WHERE status = 'sending' AND ${lease.sql} FOR UPDATE`,
      lease.params
    )
    const heldIds = new Set(held.map((row) => row.id))
    const mine = outcomes.filter((outcome) => heldIds.has(outcome.id))
    if (mine.length) {
      await this.updateFollowups(mine, sharedContext)
    }
    return mine.map((outcome) => outcome.id)
  }

  /**
   * Applies `change` to the given follow-ups that are still in one of the
   * `from` statuses, under a row lock, so a dispatcher or another admin that
   * moved a row on in the meantime wins. Returns the ids changed.
   */
  @InjectTransactionManager()
  async transitionFollowups(
    ids: string[],
    from: FollowupStatus[],
    change: Partial<FollowupDTO>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const rows: { id: string }[] = await (sharedContext.transactionManager as SqlManager).execute(
      `SELECT id FROM pp_followup
       WHERE deleted_at IS NULL AND id IN (${placeholders(ids)}) AND status IN (${placeholders(from)})
       FOR UPDATE`,
      [...ids, ...from]
    )
    if (rows.length) {
      await this.updateFollowups(
        rows.map((row) => ({ id: row.id, ...change })),
        sharedContext
      )
    }
    return rows.map((row) => row.id)
  }

  /**
   * Moves an order's follow-ups that wait for an estimated delivery, keeping
   * each one's delay: to the reported delivery (`estimated: false`), or to a
   * later estimate (another part shipped later). Only rows never tried yet
   * move; a row already sent or tried keeps its time. Returns what each row
   * had before, to put it back.
   */
  async retimeEstimatedDeliveries(
    orderId: string,
    { at, estimated }: { at: Date; estimated: boolean }
  ): Promise<{ id: string; anchor_at: Date; send_at: Date }[]> {
    const rows: { id: string; previous_anchor_at: Date; previous_send_at: Date }[] = await this.manager_.execute(
      `WITH waiting AS (
         SELECT id, anchor_at, send_at FROM pp_followup
         WHERE order_id = ? AND anchor_event = ? AND status = 'scheduled' AND attempts = 0
           AND deleted_at IS NULL ${estimated ? "AND anchor_at < ?::timestamptz" : ""}
         FOR UPDATE
       )
       UPDATE pp_followup AS f
       SET anchor_event = ?,
           anchor_at = ?::timestamptz,
           send_at = ?::timestamptz + (waiting.send_at - waiting.anchor_at),
           updated_at = now()
       FROM waiting
       WHERE f.id = waiting.id
       RETURNING f.id, waiting.anchor_at AS previous_anchor_at, waiting.send_at AS previous_send_at`,
      [
        orderId,
        ANCHOR_EVENTS.estimatedDelivery,
        ...(estimated ? [at] : []),
        estimated ? ANCHOR_EVENTS.estimatedDelivery : ANCHOR_EVENTS.delivered,
        at,
        at,
      ]
    )
    return rows.map((row) => ({
      id: row.id,
      anchor_at: new Date(row.previous_anchor_at),
      send_at: new Date(row.previous_send_at),
    }))
  }

  /**
   * Makes the follow-ups that wait out a configuration error due now: a send
   * just went through, so the key or sender was fixed.
   */
  async pullForwardConfigErrorWaits(now?: Date): Promise<number> {
    const rows = await this.manager_.execute(
      `UPDATE pp_followup SET send_at = ${CLOCK}, updated_at = now()
       WHERE status = 'scheduled' AND config_error_since IS NOT NULL AND deleted_at IS NULL AND send_at > ${CLOCK}
       RETURNING id`,
      [now ?? null, now ?? null]
    )
    return rows.length
  }

  /** The follow-ups held up by a configuration error (401, 403) right now, for the admin's banner. */
  async deliveryProblem(): Promise<DeliveryProblem | null> {
    const [row] = await this.manager_.execute(
      `SELECT count(*)::int AS waiting, min(config_error_since) AS since,
              (array_agg(last_error ORDER BY updated_at DESC))[1] AS cause
       FROM pp_followup
       WHERE status = 'scheduled' AND config_error_since IS NOT NULL AND deleted_at IS NULL`
    )
    if (!row?.waiting) {
      return null
    }
    const since = new Date(row.since)
    return {
      kind: "configuration",
      cause: row.cause,
      waiting: row.waiting,
      since,
      retry_until: new Date(since.getTime() + this.options_.dispatch.configErrorRetryHours * 60 * 60 * 1000),
    }
  }

  /**
   * Adds the next version of a flow's copy in one language. The number is
   * computed in the INSERT and guarded by the unique index: when another save
   * took it first, the insert does nothing and is tried again with the next.
   */
  async appendCopyVersion(row: NewCopyVersion): Promise<CopyVersionDTO> {
    for (let attempt = 0; attempt < COPY_VERSION_ATTEMPTS; attempt++) {
      const [inserted] = await this.manager_.execute(
        `INSERT INTO pp_copy_version (id, flow, language, version, fields, action, restored_from, created_by, created_at, updated_at)
         SELECT ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?::jsonb, ?, ?, ?, now(), now()
         FROM pp_copy_version WHERE flow = ? AND language = ? AND deleted_at IS NULL
         ON CONFLICT (flow, language, version) WHERE deleted_at IS NULL DO NOTHING
         RETURNING *`,
        [
          generateEntityId(undefined, "ppcv"),
          row.flow,
          row.language,
          JSON.stringify(row.fields),
          row.action,
          row.restored_from ?? null,
          row.created_by,
          row.flow,
          row.language,
        ]
      )
      if (inserted) {
        return inserted
      }
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The copy of "${row.flow}" in "${row.language}" is being changed by someone else right now; try again`
    )
  }

  /** The copy in use (the latest version's fields) per flow and language, keyed `flow:language`; none without a version. */
  async currentCopy(flows: string[]): Promise<Map<string, Partial<Record<string, string>>>> {
    if (!flows.length) {
      return new Map()
    }
    const rows: { flow: string; language: string; fields: Partial<Record<string, string>> }[] = await this.manager_.execute(
      `SELECT DISTINCT ON (flow, language) flow, language, fields FROM pp_copy_version
       WHERE flow IN (${placeholders(flows)}) AND deleted_at IS NULL
       ORDER BY flow, language, version DESC`,
      flows
    )
    return new Map(rows.map((row) => [copyKey(row.flow, row.language), row.fields ?? {}]))
  }

  /**
   * Adds the next version of a scope's returns policy, numbered like copy
   * versions: in the INSERT, guarded by the unique index, tried again when a
   * concurrent save took the number.
   */
  async appendReturnPolicyVersion(row: {
    scope: PolicyScope
    scope_id: string | null
    terms: ReturnPolicyTerms
    retired?: boolean
    created_by: string
  }): Promise<ReturnPolicyVersion> {
    const scopeKey = policyScopeKey(row.scope, row.scope_id)
    for (let attempt = 0; attempt < COPY_VERSION_ATTEMPTS; attempt++) {
      const [inserted] = await this.manager_.execute(
        `INSERT INTO pp_return_policy (id, scope, scope_id, scope_key, version, retired, terms, created_by, created_at, updated_at)
         SELECT ?, ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?::jsonb, ?, clock_timestamp(), clock_timestamp()
         FROM pp_return_policy WHERE scope_key = ? AND deleted_at IS NULL
         ON CONFLICT (scope_key, version) WHERE deleted_at IS NULL DO NOTHING
         RETURNING *`,
        [
          generateEntityId(undefined, "pprp"),
          row.scope,
          row.scope_id,
          scopeKey,
          row.retired ?? false,
          JSON.stringify(row.terms),
          row.created_by,
          scopeKey,
        ]
      )
      if (inserted) {
        return inserted
      }
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The returns policy (${scopeKey}) is being changed by someone else right now; try again`
    )
  }

  /** The latest version of every scope's policy at `at` (now by default), retired overrides included. */
  async currentReturnPolicies(at?: Date): Promise<ReturnPolicyVersion[]> {
    return await this.manager_.execute(
      `SELECT DISTINCT ON (scope_key) * FROM pp_return_policy
       WHERE deleted_at IS NULL ${at ? "AND created_at <= ?" : ""}
       ORDER BY scope_key, version DESC`,
      at ? [at] : []
    )
  }

  /**
   * The policy version in force for an order placed at `at` in a region and
   * sales channel: the region's override, else the sales channel's, else the
   * store's; a retired override falls through. Null when none was saved yet.
   */
  async returnPolicyInForce({
    region_id,
    sales_channel_id,
    at,
  }: {
    region_id?: string | null
    sales_channel_id?: string | null
    at?: Date | string
  }): Promise<ReturnPolicyVersion | null> {
    const keys = [region_id, sales_channel_id, "store"].filter((key): key is string => !!key)
    const rows: ReturnPolicyVersion[] = await this.manager_.execute(
      `SELECT DISTINCT ON (scope_key) * FROM pp_return_policy
       WHERE deleted_at IS NULL AND scope_key IN (${placeholders(keys)}) ${at ? "AND created_at <= ?" : ""}
       ORDER BY scope_key, version DESC`,
      at ? [...keys, new Date(at)] : keys
    )
    const byKey = new Map(rows.map((row) => [(row as any).scope_key as string, row]))
    for (const key of keys) {
      const version = byKey.get(key)
      if (version && !version.retired) {
        return version
      }
    }
    return null
  }

  /** A scope's versions, newest first. */
  async returnPolicyHistory(scope: PolicyScope, scopeId: string | null, limit = 50): Promise<ReturnPolicyVersion[]> {
    return await this.manager_.execute(
      `SELECT * FROM pp_return_policy WHERE deleted_at IS NULL AND scope_key = ? ORDER BY version DESC LIMIT ?`,
      [policyScopeKey(scope, scopeId), limit]
    )
  }

  /**
   * The policy version each order was placed under: the one recorded when it
   * was placed, else (an order from before the plugin recorded it) the one in
   * force at its creation. Orders without any are left out.
   */
  async orderReturnPolicies(
    orders: { id: string; region_id?: string | null; sales_channel_id?: string | null; created_at: Date | string }[]
  ): Promise<Map<string, ReturnPolicyVersion>> {
    const found = new Map<string, ReturnPolicyVersion>()
    if (!orders.length) {
      return found
    }
    const recorded: (ReturnPolicyVersion & { order_id: string })[] = await this.manager_.execute(
      `SELECT o.order_id, p.* FROM pp_order_return_policy o JOIN pp_return_policy p ON p.id = o.policy_id
       WHERE o.deleted_at IS NULL AND o.order_id IN (${placeholders(orders.map((order) => order.id))})`,
      orders.map((order) => order.id)
    )
    for (const { order_id, ...version } of recorded) {
      found.set(order_id, version)
    }
    for (const order of orders.filter((order) => !found.has(order.id))) {
      const version = await this.returnPolicyInForce({ ...order, at: order.created_at })
      if (version) {
        found.set(order.id, version)
      }
    }
    return found
  }


  /**
   * Stores an order's survey answer, or replaces the one it has, in one
   * transaction; returns it with the answer it replaced (null for the first),
   * so a workflow can put that back.
   */
  @InjectTransactionManager()
  async answerSurvey(
    input: NewSurveyAnswer,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ answer: SurveyAnswerDTO; previous: SurveyAnswerDTO | null }> {
    const sql = sharedContext.transactionManager as SqlManager
    const [previous] = await sql.execute(
      `SELECT * FROM pp_survey_answer WHERE order_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.order_id]
    )
    const [answer] = await sql.execute(
      `INSERT INTO pp_survey_answer (id, order_id, customer_id, email, score, comment, improvement, locale, answered_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?::timestamptz, now()), now(), now())
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET
         customer_id = excluded.customer_id, email = excluded.email, score = excluded.score, comment = excluded.comment,
         improvement = excluded.improvement, locale = excluded.locale, answered_at = excluded.answered_at, updated_at = now()
       RETURNING *`,
      [
        generateEntityId(undefined, "ppsa"),
        input.order_id,
        input.customer_id,
        input.email,
        input.score,
        input.comment,
        input.improvement,
        input.locale,
        input.answered_at ?? null,
      ]
    )
    return { answer, previous: previous ?? null }
  }

  /** Puts back an answer `answerSurvey` replaced, as it was. */
  async restoreSurveyAnswer(previous: SurveyAnswerDTO): Promise<void> {
    await this.manager_.execute(
      `UPDATE pp_survey_answer SET customer_id = ?, email = ?, score = ?, comment = ?, improvement = ?, locale = ?, answered_at = ?, updated_at = now()
       WHERE id = ?`,
      [
        previous.customer_id,
        previous.email,
        previous.score,
        previous.comment,
        previous.improvement,
        previous.locale,
        new Date(previous.answered_at),
        previous.id,
      ]
    )
  }

  /** The NPS of the answers given in [from, to): counted in the database, however many there are. */
  async npsSummary({ from, to }: { from: Date; to: Date }): Promise<NpsSummary> {
    const [counts] = await this.manager_.execute(
      `SELECT count(*) FILTER (WHERE score >= 9)::int AS promoters,
              count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives,
              count(*) FILTER (WHERE score <= 6)::int AS detractors,
              count(*)::int AS total
       FROM pp_survey_answer
       WHERE deleted_at IS NULL AND answered_at >= ? AND answered_at < ?`,
      [from, to]
    )
    return { score: netPromoterScore(counts), ...counts }
  }

  /** The answers given in [from, to), latest first, a page of them, with how many there are. */
  async latestSurveyAnswers({
    from,
    to,
    limit,
    offset,
  }: {
    from: Date
    to: Date
    limit: number
    offset: number
  }): Promise<{ answers: SurveyAnswerDTO[]; count: number }> {
    const [answers, count] = await this.listAndCountSurveyAnswers(
      { answered_at: { $gte: from, $lt: to } },
      { order: { answered_at: "DESC", id: "DESC" }, take: limit, skip: offset }
    )
    return { answers: answers as SurveyAnswerDTO[], count }
  }
}

/** How often a copy save tries again when concurrent saves keep taking its version number. */
const COPY_VERSION_ATTEMPTS = 5

/** One sequence of versions per scope: "store", or the sales channel's or region's id. */
export function policyScopeKey(scope: PolicyScope, scopeId: string | null): string {
  return scope === "store" ? "store" : scopeId!
}

/** The key `currentCopy` answers under. */
export function copyKey(flow: string, language: string): string {
  return `${flow}:${language}`
}
