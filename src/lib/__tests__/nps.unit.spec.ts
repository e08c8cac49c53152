import { netPromoterScore, npsCategory, NPS_SCORES } from "../nps"

const counts = (scores: number[]) => ({
  promoters: scores.filter((s) => npsCategory(s) === "promoter").length,
  detractors: scores.filter((s) => npsCategory(s) === "detractor").length,
  total: scores.length,
})

describe("the Net Promoter Score", () => {
  it("counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors", () => {
    expect(NPS_SCORES.map(npsCategory)).toEqual([
      ...Array(7).fill("detractor"),
      "passive",
      "passive",
      "promoter",
      "promoter",
    ])
  })

  it("is the share of promoters minus the share of detractors, in whole points", () => {
    // 2 promoters, 2 passives, 2 detractors: they cancel out
    expect(netPromoterScore(counts([10, 9, 8, 7, 3, 0]))).toBe(0)
    // 3 promoters, 1 passive, 2 detractors of 6: 50 − 33.3 = 16.7
    expect(netPromoterScore(counts([10, 10, 9, 7, 6, 0]))).toBe(17)
    // 1 promoter, 4 detractors of 6: 16.7 − 66.7 = −50
    expect(netPromoterScore(counts([9, 8, 6, 5, 1, 0]))).toBe(-50)
    expect(netPromoterScore(counts([10, 9]))).toBe(100)
    expect(netPromoterScore(counts([0, 6]))).toBe(-100)
    expect(netPromoterScore(counts([7, 8]))).toBe(0)
  })

  it("rounds halves away from zero, the same way on both sides, and never answers −0", () => {
    // 1 promoter of 8: 12.5
    expect(netPromoterScore({ promoters: 1, detractors: 0, total: 8 })).toBe(13)
    expect(netPromoterScore({ promoters: 0, detractors: 1, total: 8 })).toBe(-13)
    expect(Object.is(netPromoterScore({ promoters: 1, detractors: 1, total: 3 }), 0)).toBe(true)
  })

  it("has no score without answers", () => {
    expect(netPromoterScore({ promoters: 0, detractors: 0, total: 0 })).toBeNull()
  })
})
