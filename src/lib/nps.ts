/**
 * The Net Promoter Score arithmetic: answers to "how likely are you to
 * recommend us" (0–10) fall into promoters (9–10), passives (7–8) and
 * detractors (0–6); the score is the share of promoters minus the share of
 * detractors, in whole points from −100 to 100.
 */

export type NpsCategory = "promoter" | "passive" | "detractor"

export const NPS_SCORES = Array.from({ length: 11 }, (_, score) => score)

export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"
}

/**
 * The NPS of a period's counts, or null without answers. Halves round away
 * from zero, as Postgres's round() does, so +12.5 and −12.5 become 13 and
 * −13 alike (Math.round would make −12.5 into −12).
 */
export function netPromoterScore({ promoters, detractors, total }: { promoters: number; detractors: number; total: number }): number | null {
  if (!total) {
    return null
  }
  // a whole number over a whole number: a half comes out exactly, so no tolerance is needed
  const exact = (100 * (promoters - detractors)) / total
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact))
  // no −0 in JSON answers
  return rounded === 0 ? 0 : rounded
}
