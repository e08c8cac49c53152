import type { Context, Logger } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { FlowSetting } from "./models/flow-setting"
import { Followup } from "./models/followup"
import { parsePluginOptions, type PluginOptions } from "./options"
import type { ClaimedFollowup, FollowupDTO, FollowupLease, FollowupStatus, NewFollowup } from "./types"

type SqlManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

type InjectedDependencies = {
  logger: Logger
  // the module's MikroORM entity manager, for the few statements the ORM cannot express
  manager: SqlManager
}

const placeholders = (items: unknown[]) => items.map(() => "?").join(", ")

/** `(id, locked_until)` pairs; locked_until is compared at the millisecond precision a JS Date keeps. */
function leaseMatch(leases: FollowupLease[]) {
  return {
    sql: `(id, date_trunc('milliseconds', locked_until)) IN (${leases.map(() => "(?, ?::timestamptz)").join(", ")})`,
    params: leases.flatMap((lease) => [lease.id, new Date(lease.locked_until)]),
  }
}

const FOLLOWUP_COLUMNS = [
  "id",
  "flow",
  "step",
  "order_id",
  "customer_id",
  "email",
  "anchor_event",
  "anchor_at",
  "send_at",
  "idempotency_key",
  "metadata",
] as const

/** Follow-ups and flow settings; CRUD comes from MedusaService. */
export default class PostPurchaseModuleService extends MedusaService({
  Followup,
  FlowSetting,
}) {
  protected readonly options_: PluginOptions
  protected readonly manager_: InjectedDependencies["manager"]

  constructor(container: InjectedDependencies, options: unknown) {
    // @ts-ignore MedusaService takes the container and module declaration as they come
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    this.manager_ = container.manager
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * Inserts the follow-ups whose idempotency key does not exist yet and returns
   * only those; rows that already exist (a redelivered event, a concurrent
   * worker) are left as they are.
   */
  async createMissingFollowups(rows: NewFollowup[]): Promise<{ id: string; idempotency_key: string }[]> {
    if (!rows.length) {
      return []
    }
    const values: unknown[] = []
    const tuples = rows.map((row) => {
      const record = { ...row, id: generateEntityId(undefined, "ppfu") }
      for (const column of FOLLOWUP_COLUMNS) {
        const value = record[column as keyof typeof record]
        values.push(column === "metadata" && value != null ? JSON.stringify(value) : value ?? null)
      }
      return `(${FOLLOWUP_COLUMNS.map(() => "?").join(", ")}, 'scheduled', 0, now(), now())`
    })
    return await this.manager_.execute(
      `INSERT INTO pp_followup (${FOLLOWUP_COLUMNS.join(", ")}, status, attempts, created_at, updated_at)
       VALUES ${tuples.join(", ")}
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, idempotency_key`,
      values
    )
  }

  /**
   * Atomically takes up to `limit` due follow-ups, and `sending` ones whose
   * lease ran out, and marks them `sending` with a fresh lease. Rows locked by
   * a concurrent claim are skipped, so two workers never take the same row.
   */
  async claimDueFollowups({
    limit,
    leaseSeconds,
    ids,
    now = new Date(),
  }: {
    limit: number
    leaseSeconds: number
    /** Only these follow-ups, when due (a resend from the admin). */
    ids?: string[]
    /** The dispatcher's clock; tests and the demo move it forward. */
    now?: Date
  }): Promise<ClaimedFollowup[]> {
    const onlyIds = ids?.length ? `AND id IN (${placeholders(ids)})` : ""
    const idParams = ids ?? []
    return await this.manager_.execute(
      `WITH due AS (
         SELECT id FROM pp_followup
         WHERE status = 'scheduled' AND send_at <= ? AND deleted_at IS NULL ${onlyIds}
         ORDER BY send_at
         LIMIT ? FOR UPDATE SKIP LOCKED
       ), expired AS (
         SELECT id FROM pp_followup
         WHERE status = 'sending' AND locked_until <= ? AND deleted_at IS NULL ${onlyIds}
         ORDER BY locked_until
         LIMIT ? FOR UPDATE SKIP LOCKED
       )
       UPDATE pp_followup AS f
       SET status = 'sending',
           attempts = f.attempts + 1,
           locked_until = ?::timestamptz + make_interval(secs => ?),
           updated_at = now()
       WHERE f.id IN (SELECT id FROM due UNION SELECT id FROM expired)
       RETURNING f.*`,
      [now, ...idParams, limit, now, ...idParams, limit, now, leaseSeconds]
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
    if (!outcomes.length) {
      return []
    }
    const lease = leaseMatch(leases)
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

  /** Gives claimed rows back, for a dispatcher run that failed before sending them. */
  async releaseClaims(leases: FollowupLease[]): Promise<void> {
    if (!leases.length) {
      return
    }
    const lease = leaseMatch(leases)
    // the attempt still counts, so a run that keeps failing ends as `failed`
    await this.manager_.execute(
      `UPDATE pp_followup SET status = 'scheduled', locked_until = NULL, updated_at = now()
       WHERE status = 'sending' AND ${lease.sql}`,
      lease.params
    )
  }
}
