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
 * above it, `remaining` the points still to earn in the window (0 once
 * reached, until the tier moves). Tiers by money spent have no points
 * to count, so no next tier is given for them.
 */
export function tierProgress(settings: LoyaltySettings, currentTierId: string | null, earnedInWindow: number): TierProgress {
  const levels = [...settings.tiers.levels].sort((a, b) => a.threshold - b.threshold)
  const current = levels.find((level) => level.id === currentTierId) ?? null
  const tier = current ? { id: current.id, name: current.name } : null
  if (settings.tiers.basis !== "points") {
    return { tier, next_tier: null }
  }
  const next = levels.find((level) => (current ? level.threshold > current.threshold : true) && level !== current)
  return {
    tier,
    next_tier: next
      ? { id: next.id, name: next.name, threshold: next.threshold, remaining: Math.max(0, Math.ceil(next.threshold - earnedInWindow)) }
      : null,
  }
}
