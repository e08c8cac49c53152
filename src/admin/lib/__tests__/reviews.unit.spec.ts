import {
  approvalRateRows,
  approvalRatesQuery,
  approvalTotals,
  formatApprovalRate,
  formatAverage,
  formatShare,
  periodLabel,
  periodStarts,
  productReviewsPath,
  readReviewListState,
  starBars,
  starsText,
  toReviewListQuery,
  writeReviewListState,
  type ApprovalRatePeriod,
  type StarModeration,
} from "../reviews"

const params = (search: string) => new URLSearchParams(search)

describe("the Reviews page's address", () => {
  it("opens on the pending reviews, every rating and product, first page", () => {
    const state = readReviewListState(params(""))
    expect(state).toEqual({ status: "pending", rating: null, product_id: null, q: "", pageIndex: 0 })
    expect(toReviewListQuery(state)).toEqual({ status: "pending", limit: 20, offset: 0 })
  })

  it("reads a status, a rating, a product, a search and a page", () => {
    const state = readReviewListState(params("status=rejected&rating=1&product_id=prod_01ABC&q=%20too%20small%20&offset=40"))
    expect(state).toEqual({ status: "rejected", rating: 1, product_id: "prod_01ABC", q: "too small", pageIndex: 2 })
    expect(toReviewListQuery(state)).toEqual({
      status: "rejected",
      rating: 1,
      product_id: "prod_01ABC",
      q: "too small",
      limit: 20,
      offset: 40,
    })
  })

  it("shows every status when the address says all, and sends no status then", () => {
    const state = readReviewListState(params("status=all"))
    expect(state.status).toBe("all")
    expect(toReviewListQuery(state)).toEqual({ limit: 20, offset: 0 })
  })

  it("leaves out what it does not understand instead of sending it to the API", () => {
    const state = readReviewListState(params("status=spam&rating=6&product_id=x%27%20OR%201%3D1&offset=-20"))
    expect(state).toEqual({ status: "pending", rating: null, product_id: null, q: "", pageIndex: 0 })
    expect(readReviewListState(params("rating=4.5")).rating).toBeNull()
    expect(readReviewListState(params("rating=0")).rating).toBeNull()
  })

  it("writes a change back so it reads the same, and starts over on the first page", () => {
    const written = writeReviewListState(params("offset=40&q=late"), { status: "approved", rating: 5 })
    expect(written.get("offset")).toBeNull()
    expect(written.get("q")).toBe("late")
    expect(readReviewListState(written)).toEqual({ status: "approved", rating: 5, product_id: null, q: "late", pageIndex: 0 })
  })

  it("leaves the default status and cleared filters out of the address", () => {
    const cleared = writeReviewListState(params("status=approved&rating=2&product_id=prod_1&q=x"), {
      status: "pending",
      rating: null,
      product_id: null,
      q: "  ",
    })
    expect(cleared.toString()).toBe("")
  })

  it("writes the page as an offset, none for the first page", () => {
    expect(writeReviewListState(params("rating=3"), { pageIndex: 2 }).toString()).toBe("rating=3&offset=40")
    expect(writeReviewListState(params("rating=3&offset=40"), { pageIndex: 0 }).toString()).toBe("rating=3")
  })

  it("links the product widget to that product's reviews in every status", () => {
    const path = productReviewsPath("prod_01XYZ")
    expect(path).toBe("/post-purchase/reviews?status=all&product_id=prod_01XYZ")
    const state = readReviewListState(new URLSearchParams(path.split("?")[1]))
    expect(toReviewListQuery(state)).toEqual({ product_id: "prod_01XYZ", limit: 20, offset: 0 })
  })
})

const moderation = (moderated: number, approved: number): StarModeration => ({ moderated, approved, rate: moderated ? approved / moderated : null })
const none = moderation(0, 0)

describe("moderation by rating", () => {
  // Thursday 26 November 2026, late evening in UTC
  const now = new Date("2026-11-26T23:30:00Z")

  it("covers the last 8 weeks, each from Monday, up to now", () => {
    const starts = periodStarts("week", now)
    expect(starts).toHaveLength(8)
    expect(starts[7].toISOString()).toBe("2026-11-23T00:00:00.000Z")
    expect(starts[0].toISOString()).toBe("2026-10-05T00:00:00.000Z")
    expect(approvalRatesQuery("week", now)).toEqual({
      period: "week",
      from: "2026-10-05T00:00:00.000Z",
      to: "2026-11-26T23:30:00.000Z",
    })
  })

  it("counts a Sunday in the week that began the Monday before", () => {
    expect(periodStarts("week", new Date("2026-11-29T12:00:00Z"), 1)[0].toISOString()).toBe("2026-11-23T00:00:00.000Z")
    expect(periodStarts("week", new Date("2026-11-30T00:00:00Z"), 1)[0].toISOString()).toBe("2026-11-30T00:00:00.000Z")
  })

  it("covers the last 8 months, across the new year", () => {
    const starts = periodStarts("month", new Date("2027-02-10T08:00:00Z"))
    expect(starts.map((start) => start.toISOString().slice(0, 7))).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ])
  })

  it("shows a week with nothing moderated as such, between the weeks the API counted", () => {
    const starts = periodStarts("week", now, 3)
    const counted: ApprovalRatePeriod[] = [
      { start: "2026-11-23T00:00:00.000Z", stars: { 1: moderation(2, 1), 2: none, 3: none, 4: none, 5: moderation(4, 4) } },
      { start: "2026-11-09T00:00:00Z", stars: { 1: moderation(1, 1), 2: none, 3: none, 4: none, 5: none } },
    ]
    const rows = approvalRateRows(counted, starts)
    expect(rows.map((row) => row.start.slice(0, 10))).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"])
    expect(rows[1].stars["1"]).toEqual(none)
    expect(rows[2].stars["5"]).toEqual(moderation(4, 4))
  })

  it("reads each star's rate from its counts: 1 of 2 is 50%, nothing moderated is a dash", () => {
    expect(formatApprovalRate(moderation(2, 1))).toBe("50%")
    expect(formatApprovalRate(moderation(3, 2))).toBe("67%")
    expect(formatApprovalRate(moderation(4, 4))).toBe("100%")
    expect(formatApprovalRate(moderation(5, 0))).toBe("0%")
    expect(formatApprovalRate(none)).toBe("–")
    // a rate sent as a percentage instead of a fraction reads the same
    expect(formatApprovalRate({ moderated: 2, approved: 1, rate: 50 })).toBe("50%")
  })

  it("adds the periods up per star rating", () => {
    const rows: ApprovalRatePeriod[] = [
      { start: "2026-11-16T00:00:00Z", stars: { 1: moderation(2, 1), 2: none, 3: none, 4: none, 5: moderation(1, 1) } },
      { start: "2026-11-23T00:00:00Z", stars: { 1: moderation(2, 2), 2: none, 3: none, 4: none, 5: moderation(3, 2) } },
    ]
    const totals = approvalTotals(rows)
    expect(totals["1"]).toEqual(moderation(4, 3))
    expect(totals["5"]).toEqual(moderation(4, 3))
    expect(formatApprovalRate(totals["1"])).toBe("75%")
    expect(totals["3"]).toEqual(none)
  })

  it("names weeks by their Monday and months by month and year", () => {
    expect(periodLabel("2026-11-23T00:00:00Z", "week")).toBe("Week of 23 Nov")
    expect(periodLabel("2026-11-01T00:00:00Z", "month")).toBe("Nov 2026")
  })
})

describe("the product widget's figures", () => {
  it("shows the average with one decimal, and the stars rounded", () => {
    expect(formatAverage(5)).toBe("5.0")
    expect(formatAverage(4.25)).toBe("4.3")
    expect(formatAverage(3.04)).toBe("3.0")
    expect(starsText(5)).toBe("★★★★★")
    expect(starsText(4.4)).toBe("★★★★☆")
    expect(starsText(1)).toBe("★☆☆☆☆")
  })

  it("draws a bar per star, five first, each a share of the approved reviews", () => {
    expect(starBars({ count: 4, stars: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 3 } })).toEqual([
      { star: 5, count: 3, percent: 75 },
      { star: 4, count: 0, percent: 0 },
      { star: 3, count: 0, percent: 0 },
      { star: 2, count: 0, percent: 0 },
      { star: 1, count: 1, percent: 25 },
    ])
    expect(starBars({ count: 0, stars: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }).every((bar) => bar.percent === 0)).toBe(true)
  })

  it("shows the verified share as a whole percentage", () => {
    expect(formatShare(2 / 3)).toBe("67%")
    expect(formatShare(1)).toBe("100%")
    expect(formatShare(0)).toBe("0%")
  })
})
