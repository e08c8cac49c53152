import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { readableCode } from "../../lib/loyalty-codes"
import { undoneReason, type LedgerReasonKey, type ReasonRef } from "../../lib/loyalty-reasons"
import { isLoyaltyActivity, LEDGER_LIMITS, type EntryType } from "./constants"
import { LoyaltyAccount } from "./models/loyalty-account"
import { LoyaltyEntry } from "./models/loyalty-entry"
import { LoyaltyProgramme } from "./models/loyalty-settings"
import { LoyaltyReferral, type ReferralStatus } from "./models/loyalty-referral"
import { DEFAULT_LOYALTY_SETTINGS, parseLoyaltySettings, type LoyaltySettings } from "./settings"

type SqlManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

/** A new ledger line. The deltas say how it moves each balance; `points` is what the customer sees. */
export type NewLedgerEntry = {
  customer_id: string
  type: EntryType
  points: number
  available_delta?: number
  pending_delta?: number
  lifetime_delta?: number
  reason: string
  order_id?: string | null
  promotion_code?: string | null
  reward_id?: string | null
  created_by?: string | null
  rule?: Record<string, unknown> | null
  /** How the reason is told in the customer's language (`ledgerReason`); kept as `metadata.reason`. */
  reason_ref?: ReasonRef | null
  /** The same key twice is one entry: events delivered twice, jobs run twice. */
  idempotency_key?: string | null
  metadata?: Record<string, unknown> | null
  /** Only on a `DecidedLedgerEntry`. */
  decided_on?: undefined
}

/** The account as a job read it when it decided on an entry. */
export type AccountSnapshot = { available: number; last_activity_at: Date | string | null }

/**
 * An entry decided on a read of the account made before the write (the
 * daily expiry reads every account, then writes): `recordEntries` writes it
 * only if the account is still as it was read, under the account's lock.
 */
export type DecidedLedgerEntry = Omit<NewLedgerEntry, "decided_on"> & { decided_on: AccountSnapshot }

export type RecordOptions = { requireAvailable?: boolean }

/** An entry as `recordEntries` answers it: `created` when this call wrote it, not when its key was already in the ledger. */
export type RecordedEntry = LedgerEntryView & { created: boolean }

/** A `DecidedLedgerEntry` not written because its account changed after it was decided. */
export type SkippedEntry = Omit<LedgerEntryView, "id" | "created_at"> & {
  id: null
  created_at: null
  created: false
  skipped: "account_changed"
}

export type Balances = { available: number; pending: number; lifetime: number }

export type AccountView = Balances & {
  id: string
  customer_id: string
  referral_code: string
  tier: string | null
  tier_changed_at: Date | null
  last_activity_at: Date | null
  expiry_reminded_for: Date | null
}

export type LedgerEntryView = {
  id: string
  type: EntryType
  points: number
  available_delta: number
  pending_delta: number
  lifetime_delta: number
  reason: string
  order_id: string | null
  promotion_code: string | null
  reward_id: string | null
  created_by: string | null
  rule: Record<string, unknown> | null
  metadata: Record<string, unknown> | null
  created_at: Date
}

export type ReferralView = {
  id: string
  referrer_customer_id: string
  referral_code: string
  promotion_id: string | null
  promotion_code: string
  referee_email: string | null
  referee_customer_id: string | null
  order_id: string | null
  status: ReferralStatus
  counted_at: Date | null
  expires_at: Date | null
  refusal_reason: string | null
}

/** What counting a referral for an order did: `counted` now or by an earlier run for this order, or `refused` (the referee was counted before). */
export type ReferralCount = { referral: ReferralView; outcome: "counted" | "already_counted" | "refused" }

export type ProgrammeView = { settings: LoyaltySettings; updated_by: string | null; updated_at: Date | null }

const ENTRY_COLUMNS =
  "id, type, points, available_delta, pending_delta, lifetime_delta, reason, order_id, promotion_code, reward_id, created_by, rule, metadata, created_at"
const ACCOUNT_COLUMNS =
  "id, customer_id, available, pending, lifetime, referral_code, tier, tier_changed_at, last_activity_at, expiry_reminded_for"

const REFERRAL_COLUMNS =
  "id, referrer_customer_id, referral_code, promotion_id, promotion_code, referee_email, referee_customer_id, order_id, status, counted_at, expires_at, refusal_reason"

const placeholders = (items: unknown[]) => items.map(() => "?").join(", ")
/** Eight characters nobody misreads: what a member reads out to a friend. */
const newReferralCode = () => readableCode(8)

const toInt = (value: unknown) => Number(value ?? 0)

function accountView(row: any): AccountView {
  return {
    id: row.id,
    customer_id: row.customer_id,
    available: toInt(row.available),
    pending: toInt(row.pending),
    lifetime: toInt(row.lifetime),
    referral_code: row.referral_code,
    tier: row.tier ?? null,
    tier_changed_at: row.tier_changed_at ?? null,
    last_activity_at: row.last_activity_at ?? null,
    expiry_reminded_for: row.expiry_reminded_for ?? null,
  }
}

function entryView(row: any): LedgerEntryView {
  return {
    ...row,
    points: toInt(row.points),
    available_delta: toInt(row.available_delta),
    pending_delta: toInt(row.pending_delta),
    lifetime_delta: toInt(row.lifetime_delta),
  }
}

/**
 * The loyalty ledger: an account per customer, an append-only ledger of
 * entries, and the shop's programme. Every write goes through
 * `recordEntries`, which locks the accounts it touches, so two writes for one
 * customer (two redemptions at the same moment) run one after the other and
 * the balances stay equal to the ledger's sums. Generated CRUD would bypass
 * that: never write entries or balances with it.
 */
export default class LoyaltyModuleService extends MedusaService({
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyProgramme,
  LoyaltyReferral,
}) {
  /**
   * Appends ledger entries and moves the balances with them, in one
   * transaction under the accounts' row locks; creates the accounts it needs.
   * Answers each entry with `created`, decided under the lock: an entry whose
   * idempotency key is already in the ledger is not written again, and the
   * stored one is answered with `created: false`, so a caller undoes only
   * what it wrote. With `requireAvailable`, an entry that takes available
   * points is refused when too few are left, so points are never spent
   * twice. A `DecidedLedgerEntry` whose account has changed since it was
   * decided (other points available, or newer activity) is skipped, not
   * refused: the job that decided it decides afresh on its next run.
   */
  recordEntries(entries: NewLedgerEntry[], options?: RecordOptions, sharedContext?: Context): Promise<RecordedEntry[]>
  recordEntries(
    entries: (NewLedgerEntry | DecidedLedgerEntry)[],
    options?: RecordOptions,
    sharedContext?: Context
  ): Promise<(RecordedEntry | SkippedEntry)[]>
  @InjectTransactionManager()
  async recordEntries(
    entries: (NewLedgerEntry | DecidedLedgerEntry)[],
    options: RecordOptions = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(RecordedEntry | SkippedEntry)[]> {
    if (!entries.length) {
      return []
    }
    for (const entry of entries) {
      assertEntry(entry)
    }
    const manager = sharedContext.transactionManager as SqlManager
    const accounts = await this.lockAccounts_(manager, [...new Set(entries.map((entry) => entry.customer_id))])
    const keys = entries.map((entry) => entry.idempotency_key).filter((key): key is string => !!key)
    const existing = keys.length
      ? await manager.execute(
          `SELECT ${ENTRY_COLUMNS}, idempotency_key FROM pp_loyalty_entry
           WHERE idempotency_key IN (${placeholders(keys)}) AND deleted_at IS NULL`,
          keys
        )
      : []
    const existingByKey = new Map(existing.map((row: any) => [row.idempotency_key as string, row]))

    const now = new Date()
    const toWrite: (NewLedgerEntry | DecidedLedgerEntry)[] = []
    // per entry: the stored row it repeats, its place among those written now, or why it was skipped
    const answers: ({ stored: any } | { written: number; repeated: boolean } | { skipped: NewLedgerEntry | DecidedLedgerEntry })[] = []
    const writtenKeys = new Map<string, number>()
    for (const entry of entries) {
      const key = entry.idempotency_key
      if (key && existingByKey.has(key)) {
        answers.push({ stored: existingByKey.get(key) })
        continue
      }
      if (key && writtenKeys.has(key)) {
        answers.push({ written: writtenKeys.get(key)!, repeated: true })
        continue
      }
      const account = accounts.get(entry.customer_id)!
      if (entry.decided_on && accountChanged(account, entry.decided_on)) {
        answers.push({ skipped: entry })
        continue
      }
      const taken = -(entry.available_delta ?? 0)
      if (options.requireAvailable && taken > 0 && account.available - taken < 0) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Not enough points: ${account.available} available, ${taken} needed`)
      }
      account.available += entry.available_delta ?? 0
      account.pending += entry.pending_delta ?? 0
      account.lifetime += entry.lifetime_delta ?? 0
      if (isLoyaltyActivity(entry)) {
        // a later entry of this call decided on the account before this one must see it changed
        account.last_activity_at = now
      }
      if (key) writtenKeys.set(key, toWrite.length)
      answers.push({ written: toWrite.length, repeated: false })
      toWrite.push(entry)
    }

    // ids in write order: lines written together can share a created_at, and the ledger reads them by (created_at, id)
    const ids = toWrite.map(() => generateEntityId(undefined, "pple")).sort()
    const written: any[] = toWrite.length
      ? await this.createLoyaltyEntries(
          toWrite.map((entry, index) => ({ id: ids[index], ...entryRow(entry, accounts.get(entry.customer_id)!.id) })),
          sharedContext
        )
      : []
    for (const customerId of new Set(toWrite.map((entry) => entry.customer_id))) {
      const account = accounts.get(customerId)!
      // an expiry or a reversal must not keep the points alive that expiry by inactivity counts down
      const active = toWrite.some((entry) => entry.customer_id === customerId && isLoyaltyActivity(entry))
      await manager.execute(
        `UPDATE pp_loyalty_account SET available = ?, pending = ?, lifetime = ?,
           last_activity_at = CASE WHEN ? THEN ?::timestamptz ELSE last_activity_at END, updated_at = now() WHERE id = ?`,
        [account.available, account.pending, account.lifetime, active, now, account.id]
      )
    }
    return answers.map((answer) => {
      if ("skipped" in answer) {
        return skippedView(answer.skipped)
      }
      if ("stored" in answer) {
        return { ...entryView(answer.stored), created: false }
      }
      return { ...entryView(written[answer.written]), created: !answer.repeated }
    })
  }

  /**
   * Undoes entries whose workflow failed after writing them, in one
   * transaction under the accounts' row locks: appends the opposite of each
   * (a `revert` with `metadata.reverts`; undoing a confirmation takes nothing
   * from the customer, the points go back to pending, so it shows 0 points)
   * and releases the original's idempotency key, renamed to
   * `<key>#undone:<revert id>`, so a rerun of the workflow writes the entry
   * again. That rename is the only change ever made to a written entry: its
   * amounts stay as they were and nothing is deleted, so the ledger stays
   * append-only in what it counts. The revert's own key is `undo:<id>`: a
   * compensation run twice undoes once (`created: false` the second time).
   * Never refused for too few points: what was spent since shows as a debt.
   */
  @InjectTransactionManager()
  async revertEntries(
    entryIds: string[],
    why: string,
    /** `reasonKey`: how the customer's history tells the undo (`ledger.undone` unless the why matters to them). */
    { reasonKey }: { reasonKey?: LedgerReasonKey } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedEntry[]> {
    const ids = [...new Set(entryIds)]
    if (!ids.length) {
      return []
    }
    const manager = sharedContext.transactionManager as SqlManager
    // the amounts read here never change, so reading them before the lock is safe; the undo keys are checked under it
    const rows = await manager.execute(
      `SELECT ${ENTRY_COLUMNS}, customer_id, idempotency_key FROM pp_loyalty_entry WHERE id IN (${placeholders(ids)}) AND deleted_at IS NULL`,
      ids
    )
    const byId = new Map(rows.map((row: any) => [row.id as string, row]))
    const missing = ids.filter((id) => !byId.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty entries not found: ${missing.join(", ")}`)
    }
    const originals = ids.map((id) => byId.get(id)!)
    const reverts = await this.recordEntries(
      originals.map(
        (row: any): NewLedgerEntry => ({
          customer_id: row.customer_id,
          type: "revert",
          points: row.type === "confirm" ? 0 : -toInt(row.points),
          available_delta: -toInt(row.available_delta),
          pending_delta: -toInt(row.pending_delta),
          lifetime_delta: -toInt(row.lifetime_delta),
          reason: `Undone (${why}): ${row.reason}`.slice(0, LEDGER_LIMITS.reasonLength),
          reason_ref: undoneReason(row, reasonKey),
          order_id: row.order_id,
          promotion_code: row.promotion_code,
          reward_id: row.reward_id,
          created_by: row.created_by,
          idempotency_key: `undo:${row.id}`,
          metadata: { reverts: row.id },
        })
      ),
      {},
      sharedContext
    )
    for (const [index, revert] of reverts.entries()) {
      const original = originals[index]
      if (revert.created && original.idempotency_key) {
        await manager.execute(`UPDATE pp_loyalty_entry SET idempotency_key = ?, updated_at = now() WHERE id = ?`, [
          `${original.idempotency_key}#undone:${revert.id}`,
          original.id,
        ])
      }
    }
    return reverts
  }

  /** The customer's account, created (with a referral code, no points) when they have none yet. */
  @InjectTransactionManager()
  async ensureAccount(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<AccountView> {
    const manager = sharedContext.transactionManager as SqlManager
    await this.insertAccounts_(manager, [customerId])
    return (await this.accountOf(customerId, sharedContext))!
  }

  /** The customer's account, or null before their first points. */
  @InjectManager()
  async accountOf(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<AccountView | null> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const [row] = await manager.execute(
      `SELECT ${ACCOUNT_COLUMNS} FROM pp_loyalty_account WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return row ? accountView(row) : null
  }

  /** The account whose member shares this referral code, or null. Codes are matched without regard to case. */
  @InjectManager()
  async accountByReferralCode(code: string, @MedusaContext() sharedContext: Context = {}): Promise<AccountView | null> {
    const manager = sharedContext.manager as SqlManager
    const [row] = await manager.execute(
      `SELECT ${ACCOUNT_COLUMNS} FROM pp_loyalty_account WHERE referral_code = ? AND deleted_at IS NULL`,
      [String(code).trim().toUpperCase()]
    )
    return row ? accountView(row) : null
  }

  /** A page of the customer's ledger, newest first, and how many entries it has. */
  @InjectManager()
  async listLedger(
    customerId: string,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: LedgerEntryView[]; count: number }> {
    const manager = sharedContext.manager as SqlManager
    const limit = Math.min(Math.max(page.limit, 1), LEDGER_LIMITS.pageSize)
    const rows = await manager.execute(
      `SELECT ${ENTRY_COLUMNS} FROM pp_loyalty_entry WHERE customer_id = ? AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      [customerId, limit, Math.max(page.offset, 0)]
    )
    const [{ count }] = await manager.execute(
      `SELECT count(*)::int AS count FROM pp_loyalty_entry WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return { entries: rows.map(entryView), count: Number(count) }
  }

  /** What an order earned and what was taken back of it, oldest first. */
  @InjectManager()
  async orderLedger(orderId: string, @MedusaContext() sharedContext: Context = {}): Promise<(LedgerEntryView & { customer_id: string })[]> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const rows = await manager.execute(
      `SELECT ${ENTRY_COLUMNS}, customer_id FROM pp_loyalty_entry WHERE order_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
      [orderId]
    )
    return rows.map((row: any) => ({ ...entryView(row), customer_id: row.customer_id }))
  }

  /**
   * Orders whose points are still pending, oldest first: what the daily job
   * confirms once their return window has closed.
   */
  @InjectManager()
  async ordersWithPendingPoints(
    page: { limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ order_id: string; customer_id: string; pending: number }[]> {
    const manager = sharedContext.manager as SqlManager
    const rows = await manager.execute(
      `SELECT order_id, customer_id, sum(pending_delta)::int AS pending FROM pp_loyalty_entry
       WHERE order_id IS NOT NULL AND deleted_at IS NULL ${page.after ? "AND order_id > ?" : ""}
       GROUP BY order_id, customer_id HAVING sum(pending_delta) > 0 ORDER BY order_id LIMIT ?`,
      page.after ? [page.after, page.limit] : [page.limit]
    )
    return rows.map((row: any) => ({ order_id: row.order_id, customer_id: row.customer_id, pending: toInt(row.pending) }))
  }

  /** The balances as the ledger's sums: what the stored balances must always equal (the consistency check). */
  @InjectManager()
  async recountBalances(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<Balances> {
    const manager = sharedContext.manager as SqlManager
    const [row] = await manager.execute(
      `SELECT coalesce(sum(available_delta), 0)::int AS available, coalesce(sum(pending_delta), 0)::int AS pending,
              coalesce(sum(lifetime_delta), 0)::int AS lifetime
       FROM pp_loyalty_entry WHERE customer_id = ? AND deleted_at IS NULL`,
      [customerId]
    )
    return { available: toInt(row.available), pending: toInt(row.pending), lifetime: toInt(row.lifetime) }
  }

  /** Every account whose stored balances differ from its ledger's sums; empty when the ledger is consistent. */
  @InjectManager()
  async inconsistentAccounts(@MedusaContext() sharedContext: Context = {}): Promise<(Balances & { customer_id: string; ledger: Balances })[]> {
    const manager = sharedContext.manager as SqlManager
    const rows = await manager.execute(
      `SELECT a.customer_id, a.available, a.pending, a.lifetime,
              coalesce(sum(e.available_delta), 0)::int AS l_available, coalesce(sum(e.pending_delta), 0)::int AS l_pending,
              coalesce(sum(e.lifetime_delta), 0)::int AS l_lifetime
       FROM pp_loyalty_account a LEFT JOIN pp_loyalty_entry e ON e.account_id = a.id AND e.deleted_at IS NULL
       WHERE a.deleted_at IS NULL
       GROUP BY a.id
       HAVING a.available <> coalesce(sum(e.available_delta), 0) OR a.pending <> coalesce(sum(e.pending_delta), 0)
           OR a.lifetime <> coalesce(sum(e.lifetime_delta), 0)`
    )
    return rows.map((row: any) => ({
      customer_id: row.customer_id,
      available: toInt(row.available),
      pending: toInt(row.pending),
      lifetime: toInt(row.lifetime),
      ledger: { available: toInt(row.l_available), pending: toInt(row.l_pending), lifetime: toInt(row.l_lifetime) },
    }))
  }

  /** The shop's programme; the defaults (switched off) before the admin first saves it. */
  @InjectManager()
  async loyaltyProgramme(@MedusaContext() sharedContext: Context = {}): Promise<ProgrammeView> {
    const [row] = await this.listLoyaltyProgrammes({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    return row
      ? { settings: parseLoyaltySettings(row.settings), updated_by: row.updated_by ?? null, updated_at: new Date(row.updated_at) }
      : { settings: DEFAULT_LOYALTY_SETTINGS, updated_by: null, updated_at: null }
  }

  /** Validates and saves the whole programme into its one row; the error names every bad field. */
  @InjectTransactionManager()
  async saveLoyaltyProgramme(
    input: { settings: unknown; by: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProgrammeView> {
    const settings = parseLoyaltySettings(input.settings)
    const manager = sharedContext.transactionManager as SqlManager
    // two first saves would both find no row and both create one
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext('pp_loyalty_programme'))")
    const [row] = await this.listLoyaltyProgrammes({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    const values = { settings: settings as unknown as Record<string, unknown>, updated_by: input.by }
    if (row) {
      await this.updateLoyaltyProgrammes([{ id: row.id, ...values }], sharedContext)
    } else {
      await this.createLoyaltyProgrammes([values], sharedContext)
    }
    return await this.loyaltyProgramme(sharedContext)
  }

  // referrals
  /**
   * The referrals whose first-order discount is one of these promotion codes
   * (any case). The codes are made upper case, so an exact match on them is
   * served by the unique index on `promotion_code`.
   */
  @InjectManager()
  async referralsByPromotionCode(codes: string[], @MedusaContext() sharedContext: Context = {}): Promise<ReferralView[]> {
    const wanted = [...new Set(codes.map((code) => String(code).trim().toUpperCase()).filter(Boolean))]
    if (!wanted.length) {
      return []
    }
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    return await manager.execute(
      `SELECT ${REFERRAL_COLUMNS} FROM pp_loyalty_referral WHERE promotion_code IN (${placeholders(wanted)}) AND deleted_at IS NULL`,
      wanted
    )
  }

  /**
   * Counts a referral for the referee's order, once: under a lock on the
   * referee (their email), a referee already counted for another referral
   * refuses this one, whatever code it came through. Counting the same
   * order again answers the earlier count.
   */
  @InjectTransactionManager()
  async countReferral(
    input: { referral_id: string; order_id: string; referee_email: string | null; referee_customer_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralCount> {
    const manager = sharedContext.transactionManager as SqlManager
    const email = input.referee_email?.trim().toLowerCase() || null
    // two first orders of one person through two codes, placed at once, must not both count
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [`pp_loyalty_referee:${email ?? input.referee_customer_id ?? input.order_id}`])
    const [referral] = await manager.execute(
      `SELECT ${REFERRAL_COLUMNS} FROM pp_loyalty_referral WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.referral_id]
    )
    if (!referral) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral ${input.referral_id} was not found`)
    }
    if (referral.status === "counted" && referral.order_id === input.order_id) {
      return { referral, outcome: "already_counted" }
    }
    const [earlier] = await manager.execute(
      `SELECT id FROM pp_loyalty_referral WHERE status = 'counted' AND deleted_at IS NULL AND id <> ?
         AND (referee_email = ? OR (referee_customer_id IS NOT NULL AND referee_customer_id = ?)) LIMIT 1`,
      [referral.id, email, input.referee_customer_id]
    )
    const status: ReferralStatus = earlier || referral.status !== "claimed" ? "refused" : "counted"
    if (referral.status !== "claimed") {
      // counted or refused for another order already: the code is single use, this order changes nothing
      return { referral, outcome: "refused" }
    }
    const [updated] = await manager.execute(
      `UPDATE pp_loyalty_referral SET status = ?, order_id = ?, referee_email = ?, referee_customer_id = coalesce(?, referee_customer_id),
         counted_at = ?, refusal_reason = ?, updated_at = now() WHERE id = ? RETURNING ${REFERRAL_COLUMNS}`,
      [
        status,
        input.order_id,
        email,
        input.referee_customer_id,
        status === "counted" ? new Date() : null,
        status === "refused" ? "the new customer was counted before, through another referral" : null,
        referral.id,
      ]
    )
    return { referral: updated, outcome: status === "counted" ? "counted" : "refused" }
  }

  /** Puts a referral back as claimed: the compensation of a count whose workflow failed. */
  @InjectTransactionManager()
  async uncountReferral(referralId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlManager
    await manager.execute(
      `UPDATE pp_loyalty_referral SET status = 'claimed', order_id = NULL, counted_at = NULL, refusal_reason = NULL, updated_at = now()
       WHERE id = ? AND deleted_at IS NULL`,
      [referralId]
    )
  }

  /** Creates the missing accounts, each with a referral code of its own. */
  private async insertAccounts_(manager: SqlManager, customerIds: string[]) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const missing = await this.missingAccounts_(manager, customerIds)
      if (!missing.length) {
        return
      }
      // a referral code taken by another account leaves that customer out; the next attempt draws a new code
      await manager.execute(
        `INSERT INTO pp_loyalty_account (id, customer_id, referral_code, created_at, updated_at)
         VALUES ${missing.map(() => "(?, ?, ?, now(), now())").join(", ")} ON CONFLICT DO NOTHING`,
        missing.flatMap((customerId) => [generateEntityId("", "ppla"), customerId, newReferralCode()])
      )
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Could not create loyalty accounts with unique referral codes")
  }

  private async missingAccounts_(manager: SqlManager, customerIds: string[]): Promise<string[]> {
    const rows = await manager.execute(
      `SELECT customer_id FROM pp_loyalty_account WHERE customer_id IN (${placeholders(customerIds)}) AND deleted_at IS NULL`,
      customerIds
    )
    const found = new Set(rows.map((row: any) => row.customer_id))
    return customerIds.filter((id) => !found.has(id))
  }

  /** The customers' accounts, created when missing, locked for the rest of the transaction (in id order, so two writers never deadlock). */
  private async lockAccounts_(manager: SqlManager, customerIds: string[]): Promise<Map<string, AccountView>> {
    await this.insertAccounts_(manager, customerIds)
    const rows = await manager.execute(
      `SELECT ${ACCOUNT_COLUMNS} FROM pp_loyalty_account
       WHERE customer_id IN (${placeholders(customerIds)}) AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      customerIds
    )
    return new Map(rows.map((row: any) => [row.customer_id as string, accountView(row)]))
  }

  // tiers and expiry
  /**
   * Puts the member in `tier` (null: none) from `changedAt`, under the
   * account's row lock; answers what it was before, for a compensation to
   * put back. Creates the account when missing.
   */
  @InjectTransactionManager()
  async setTier(
    customerId: string,
    tier: string | null,
    changedAt: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ tier: string | null; tier_changed_at: Date | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const account = (await this.lockAccounts_(manager, [customerId])).get(customerId)!
    await manager.execute(`UPDATE pp_loyalty_account SET tier = ?, tier_changed_at = ?, updated_at = now() WHERE id = ?`, [
      tier,
      changedAt,
      account.id,
    ])
    return { tier: account.tier, tier_changed_at: account.tier_changed_at }
  }

  /**
   * A page of the members whose tier may have to move, by customer id: those
   * active since `activeSince`, and those in a tier, whom the rolling window
   * moves down once they stop.
   */
  @InjectManager()
  async tierMembers(
    page: { activeSince: Date; limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as SqlManager
    const rows = await manager.execute(
      `SELECT customer_id FROM pp_loyalty_account
       WHERE deleted_at IS NULL AND (last_activity_at >= ? OR tier IS NOT NULL) ${page.after ? "AND customer_id > ?" : ""}
       ORDER BY customer_id LIMIT ?`,
      page.after ? [page.activeSince, page.after, page.limit] : [page.activeSince, page.limit]
    )
    return rows.map((row: any) => row.customer_id)
  }

  /** A page of the accounts with points to spend, by customer id: those whose points can expire. */
  @InjectManager()
  async accountsWithAvailablePoints(
    page: { limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AccountView[]> {
    const manager = sharedContext.manager as SqlManager
    const rows = await manager.execute(
      `SELECT ${ACCOUNT_COLUMNS} FROM pp_loyalty_account
       WHERE deleted_at IS NULL AND available > 0 ${page.after ? "AND customer_id > ?" : ""}
       ORDER BY customer_id LIMIT ?`,
      page.after ? [page.after, page.limit] : [page.limit]
    )
    return rows.map(accountView)
  }

  /** Every entry that moved the customer's available points, oldest first: the batches oldest-first expiry counts. */
  @InjectManager()
  async availableMoves(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ available_delta: number; created_at: Date }[]> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const rows = await manager.execute(
      `SELECT available_delta, created_at FROM pp_loyalty_entry
       WHERE customer_id = ? AND available_delta <> 0 AND deleted_at IS NULL ORDER BY created_at, id`,
      [customerId]
    )
    return rows.map((row: any) => ({ available_delta: toInt(row.available_delta), created_at: new Date(row.created_at) }))
  }

  /**
   * Records that the reminder for the expiry at `expiresAt` goes out, unless
   * it already did: answers whether this call is the one that sends it (so a
   * job run twice, or twice at once, reminds once), and what was recorded
   * before, for a compensation to put back.
   */
  @InjectTransactionManager()
  async markExpiryReminded(
    customerId: string,
    expiresAt: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ marked: boolean; previous: Date | null }> {
    const manager = sharedContext.transactionManager as SqlManager
    const [row] = await manager.execute(
      `SELECT id, expiry_reminded_for FROM pp_loyalty_account WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [customerId]
    )
    if (!row) {
      return { marked: false, previous: null }
    }
    const previous: Date | null = row.expiry_reminded_for ? new Date(row.expiry_reminded_for) : null
    if (expiresAt && previous?.getTime() === expiresAt.getTime()) {
      return { marked: false, previous }
    }
    await manager.execute(`UPDATE pp_loyalty_account SET expiry_reminded_for = ?, updated_at = now() WHERE id = ?`, [expiresAt, row.id])
    return { marked: true, previous }
  }

  // the Store API's tier progress
  /**
   * Points the customer earned since `since`: the positive lifetime moves
   * (confirmed earnings and bonuses), what tiers by points count over a
   * rolling 12 months. Points taken back or spent do not lower it.
   */
  @InjectManager()
  async pointsEarnedSince(customerId: string, since: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const [row] = await manager.execute(
      `SELECT coalesce(sum(lifetime_delta), 0)::int AS earned FROM pp_loyalty_entry
       WHERE customer_id = ? AND lifetime_delta > 0 AND created_at >= ? AND deleted_at IS NULL`,
      [customerId, since]
    )
    return toInt(row?.earned)
  }

  // referral claims and refusals
  /** The member's code's claim still open for this email (claimed, its discount not yet ended), or null. */
  @InjectManager()
  async openReferralClaim(
    referralCode: string,
    email: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralView | null> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const [row] = await manager.execute(
      `SELECT ${REFERRAL_COLUMNS} FROM pp_loyalty_referral
       WHERE referral_code = ? AND referee_email = ? AND status = 'claimed' AND deleted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY created_at DESC LIMIT 1`,
      [referralCode, email.trim().toLowerCase(), now]
    )
    return row ?? null
  }

  /** How many times the member's code was claimed since `since`: what the daily cap on claims counts. */
  @InjectManager()
  async referralClaimsSince(referralCode: string, since: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const [row] = await manager.execute(
      `SELECT count(*)::int AS count FROM pp_loyalty_referral WHERE referral_code = ? AND created_at >= ? AND deleted_at IS NULL`,
      [referralCode, since]
    )
    return toInt(row?.count)
  }

  /**
   * Refuses a claimed referral for the order that used its code, with the
   * reason: the referrer gets nothing for it. A referral already counted or
   * refused is left as it is (its code was single use).
   */
  @InjectTransactionManager()
  async refuseReferral(
    input: { referral_id: string; order_id: string; reason: string; referee_email: string | null; referee_customer_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralCount> {
    const manager = sharedContext.transactionManager as SqlManager
    const [referral] = await manager.execute(
      `SELECT ${REFERRAL_COLUMNS} FROM pp_loyalty_referral WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.referral_id]
    )
    if (!referral) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral ${input.referral_id} was not found`)
    }
    if (referral.status !== "claimed") {
      return { referral, outcome: referral.status === "counted" && referral.order_id === input.order_id ? "already_counted" : "refused" }
    }
    const [updated] = await manager.execute(
      `UPDATE pp_loyalty_referral SET status = 'refused', order_id = ?, referee_email = coalesce(?, referee_email),
         referee_customer_id = coalesce(?, referee_customer_id), refusal_reason = ?, updated_at = now() WHERE id = ? RETURNING ${REFERRAL_COLUMNS}`,
      [input.order_id, input.referee_email?.trim().toLowerCase() || null, input.referee_customer_id, input.reason, referral.id]
    )
    return { referral: updated, outcome: "refused" }
  }

  // tier groups
  /** A page of the members in one of these tiers, by customer id: whose tier group moves when a tier is mapped to another group. */
  @InjectManager()
  async membersOfTiers(
    tierIds: string[],
    page: { limit: number; after?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; tier: string }[]> {
    if (!tierIds.length) {
      return []
    }
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlManager
    const rows = await manager.execute(
      `SELECT customer_id, tier FROM pp_loyalty_account
       WHERE deleted_at IS NULL AND tier IN (${placeholders(tierIds)}) ${page.after ? "AND customer_id > ?" : ""}
       ORDER BY customer_id LIMIT ?`,
      [...tierIds, ...(page.after ? [page.after] : []), page.limit]
    )
    return rows.map((row: any) => ({ customer_id: row.customer_id, tier: row.tier }))
  }
}

/** Whether the account has moved since the snapshot an entry was decided on. */
function accountChanged(account: AccountView, decided: AccountSnapshot): boolean {
  const time = (date: Date | string | null) => (date ? new Date(date).getTime() : null)
  return account.available !== decided.available || time(account.last_activity_at) !== time(decided.last_activity_at)
}

/** The row `createLoyaltyEntries` writes for an entry. */
function entryRow(entry: NewLedgerEntry | DecidedLedgerEntry, accountId: string) {
  return {
    account_id: accountId,
    customer_id: entry.customer_id,
    type: entry.type,
    points: entry.points,
    available_delta: entry.available_delta ?? 0,
    pending_delta: entry.pending_delta ?? 0,
    lifetime_delta: entry.lifetime_delta ?? 0,
    reason: entry.reason.trim(),
    order_id: entry.order_id ?? null,
    promotion_code: entry.promotion_code ?? null,
    reward_id: entry.reward_id ?? null,
    created_by: entry.created_by ?? null,
    rule: entry.rule ?? null,
    idempotency_key: entry.idempotency_key ?? null,
    metadata: entry.reason_ref ? { ...(entry.metadata ?? {}), reason: entry.reason_ref } : entry.metadata ?? null,
  }
}

function skippedView(entry: NewLedgerEntry | DecidedLedgerEntry): SkippedEntry {
  const { account_id: _account, customer_id: _customer, idempotency_key: _key, ...row } = entryRow(entry, "")
  return { ...row, id: null, created_at: null, created: false, skipped: "account_changed" }
}

function assertEntry(entry: NewLedgerEntry | DecidedLedgerEntry) {
  const counts = [entry.points, entry.available_delta ?? 0, entry.pending_delta ?? 0, entry.lifetime_delta ?? 0]
  if (!counts.every(Number.isSafeInteger)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"points" must be a whole number`)
  }
  if (!entry.customer_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"customer_id" is required`)
  }
  const reason = entry.reason?.trim() ?? ""
  if (!reason.length || reason.length > LEDGER_LIMITS.reasonLength) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"reason" must be 1 to ${LEDGER_LIMITS.reasonLength} characters`)
  }
}
