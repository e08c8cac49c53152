import type { LoyaltySettings } from "../modules/loyalty/settings"

/** Tiers count what a member earned over this window (a rolling 12 months). */
export const TIER_WINDOW_MONTHS = 12

export type TierProgress = {
  tier: { id: string; name: string } | null
  next_tier: { id: string; name: string; threshold: number; remaining: number } | null
}

/** The start of the rolling window that ends at `now`. */
export function tierWindowStart(now: Date): Date {
  const start = new Date(now)
  start.setUTCMonth(start.getUTCMonth() - TIER_WINDOW_MONTHS)
  return start
}

/**
 * A member's tier and how far the next one is. The tier is the one on their
 * account (kept with their customer group); the next is the lowest tier
 * above it, `remaining` what is still to earn (points) or spend (money in
 * the tiers' currency) in the window: 0 once reached, until the tier moves.
 * `measure` is `tierMeasure`'s, the same the tier job goes by.
 */
export function tierProgress(settings: LoyaltySettings, currentTierId: string | null, measure: number): TierProgress {
  const levels = [...settings.tiers.levels].sort((a, b) => a.threshold - b.threshold)
  const current = levels.find((level) => level.id === currentTierId) ?? null
  const tier = current ? { id: current.id, name: current.name } : null
  const next = levels.find((level) => (current ? level.threshold > current.threshold : true) && level !== current)
  const remaining = (threshold: number) =>
    settings.tiers.basis === "points" ? Math.max(0, Math.ceil(threshold - measure)) : Math.max(0, Math.round((threshold - measure) * 100) / 100)
  return {
    tier,
    next_tier: next ? { id: next.id, name: next.name, threshold: next.threshold, remaining: remaining(next.threshold) } : null,
  }
}
