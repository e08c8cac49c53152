import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { languageOf, translator, type Translator } from "../../i18n"
import { resolveCustomerLocales } from "../../i18n/resolve"
import { expiryBatches, nextExpiry } from "../../lib/loyalty-expiry"
import { reasonText } from "../../lib/loyalty-reasons"
import { referralLink } from "../../lib/loyalty-referrals"
import { TIER_WINDOW_MONTHS, tierProgress } from "../../lib/loyalty-tier-progress"
import { tierMeasure } from "../../lib/loyalty-tiers"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"
import { LOYALTY_MODULE, type AccountView, type LedgerEntryView, type LoyaltySettings } from "../../modules/loyalty"
import { isStoreCreditReward } from "../../modules/loyalty/settings"
import type LoyaltyModuleService from "../../modules/loyalty/service"

/**
 * A ledger line as the customer sees it: no admin ids, no earning rule; its
 * reason in the customer's language when a translator is given (the admin
 * reads the ledger's own text).
 */
export function storeLedgerEntry(entry: LedgerEntryView, i18n?: Translator) {
  return {
    id: entry.id,
    type: entry.type,
    points: entry.points,
    reason: i18n ? reasonText(entry, i18n) : entry.reason,
    order_id: entry.order_id,
    promotion_code: entry.promotion_code,
    reward_id: entry.reward_id,
    created_at: entry.created_at,
  }
}

/**
 * The orders in these lines that someone else placed: a friend's first order,
 * on which the referrer's bonus waits. Its id would open the friend's order
 * (Medusa's `GET /store/orders/:id` asks for nothing more), and its number
 * is the friend's business.
 */
async function friendsOrders(container: MedusaContainer, customerId: string, entries: LedgerEntryView[]): Promise<Set<string>> {
  const orderIds = [...new Set(entries.map((entry) => entry.order_id).filter((id): id is string => !!id))]
  if (!orderIds.length) {
    return new Set()
  }
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderIds } })
  return new Set((data as { id: string; customer_id: string | null }[]).filter((order) => order.customer_id !== customerId).map((order) => order.id))
}

/** A line of the referrer's bonus, as they see it: the referral, never the friend's order or its number. */
function referralLine(entry: LedgerEntryView, i18n: Translator) {
  return { ...storeLedgerEntry(entry, i18n), order_id: null, reason: i18n.t("ledger.referralBonus") }
}

/** The customer's balances; zeros before their first points. */
export async function storeBalances(container: MedusaContainer, customerId: string) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const account = await loyalty.accountOf(customerId)
  return { available: account?.available ?? 0, pending: account?.pending ?? 0, lifetime: account?.lifetime ?? 0 }
}

/**
 * The member's next points to expire after `now` and when, by the same rule
 * as the expiry job; null when none will (expiry off, nothing available).
 */
export async function upcomingExpiry(container: MedusaContainer, settings: LoyaltySettings, account: AccountView | null, now: Date) {
  if (!account || !settings.enabled || settings.expiry.months <= 0 || account.available <= 0) {
    return null
  }
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const moves = settings.expiry.mode === "oldest_first" ? await loyalty.availableMoves(account.customer_id) : []
  const next = nextExpiry(expiryBatches(settings, account, moves), now)
  return next && { points: next.points, expires_at: next.expires_at.toISOString() }
}

/**
 * The signed-in customer's loyalty: balances, tier and the way to the next,
 * the next points to expire, referral code, and a page of their history, newest first, its
 * reasons in `locale` (the request's), else the customer's stored language, else the shop's default.
 * Reading never creates the account: before their first points the balances are 0 and
 * the referral code null.
 */
export async function storeLoyaltyView(
  container: MedusaContainer,
  customerId: string,
  page: { limit: number; offset: number },
  { locale, now = new Date() }: { locale?: string | null; now?: Date } = {}
) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [{ settings }, account, ledger, stored] = await Promise.all([
    loyalty.loyaltyProgramme(),
    loyalty.accountOf(customerId),
    loyalty.listLedger(customerId, page),
    languageOf(locale) ? null : resolveCustomerLocales(container, [customerId]),
  ])
  const i18n = translator(languageOf(locale) ? locale : stored?.get(customerId))
  const friends = await friendsOrders(container, customerId, ledger.entries)
  const [measure, expiring] = await Promise.all([tierMeasure(container, settings, customerId, now), upcomingExpiry(container, settings, account, now)])
  return {
    available: account?.available ?? 0,
    pending: account?.pending ?? 0,
    lifetime: account?.lifetime ?? 0,
    // by the tier job's own rule: points earned, or money spent, in the rolling window
    ...tierProgress(settings, account?.tier ?? null, measure),
    expiring,
    referral_code: account?.referral_code ?? null,
    // referrals: the link the member shares, the storefront with their code
    referral_link: account ? referralLink((container.resolve(POST_PURCHASE_MODULE) as PostPurchaseModuleService).getOptions().storefrontUrl, account.referral_code) : null,
    history: ledger.entries.map((entry) => (entry.order_id && friends.has(entry.order_id) ? referralLine(entry, i18n) : storeLedgerEntry(entry, i18n))),
    count: ledger.count,
  }
}

/**
 * The programme as a storefront explains it. Tiers without their customer
 * groups (which group a tier fills is the shop's business); nothing but
 * `enabled: false` while the programme is off. Rewards paid out as store
 * credit only while Medusa's loyalty plugin runs (`storeCredit`): without it
 * they cannot be redeemed.
 */
export function publicProgrammeView(settings: LoyaltySettings, { storeCredit }: { storeCredit: boolean }) {
  if (!settings.enabled) {
    return { enabled: false as const }
  }
  return {
    enabled: true as const,
    earn_rates: settings.earn_rates.map((rate) => ({
      currency_code: rate.currency_code,
      points_per_unit: rate.points_per_unit,
      include_shipping: rate.include_shipping,
      include_tax: rate.include_tax,
    })),
    rewards: settings.rewards
      .filter((reward) => storeCredit || !isStoreCreditReward(reward))
      .map((reward) => ({
      id: reward.id,
      name: reward.name,
      points_cost: reward.points_cost,
      discount: reward.discount,
      expires_in_days: reward.expires_in_days,
    })),
    tiers: {
      basis: settings.tiers.basis,
      currency_code: settings.tiers.currency_code,
      window_months: TIER_WINDOW_MONTHS,
      levels: settings.tiers.levels.map((tier) => ({ id: tier.id, name: tier.name, threshold: tier.threshold, multiplier: tier.multiplier })),
    },
    expiry: { months: settings.expiry.months, mode: settings.expiry.mode },
    bonuses: { ...settings.bonuses },
    referrals: settings.referrals.enabled
      ? { enabled: true, referrer_points: settings.referrals.referrer_points, discount: settings.referrals.discount }
      : { enabled: false },
  }
}
