import {
  DEFAULT_SORTING,
  endOfDay,
  readListState,
  startOfDay,
  toListQuery,
  writeFiltering,
  writePage,
  writeSorting,
} from "../followup-list-params"

const params = (search: string) => new URLSearchParams(search)

describe("the follow-up list's address", () => {
  it("shows every follow-up, latest due first, on the first page when it says nothing", () => {
    expect(readListState(params(""))).toEqual({ filtering: {}, sorting: DEFAULT_SORTING, pageIndex: 0 })
    expect(toListQuery(readListState(params("")))).toEqual({ offset: 0, limit: 20, order: "-send_at" })
  })

  it("takes a hand-written link: status=failed", () => {
    const state = readListState(params("status=failed"))
    expect(state.filtering).toEqual({ status: ["failed"] })
    expect(toListQuery(state)).toEqual({ offset: 0, limit: 20, order: "-send_at", status: ["failed"] })
  })

  it("reads several statuses and flows, the order and the page", () => {
    const state = readListState(params("status=failed,scheduled&flow=thank-you&order=send_at&offset=40"))
    expect(state).toEqual({
      filtering: { status: ["failed", "scheduled"], flow: ["thank-you"] },
      sorting: { id: "send_at", desc: false },
      pageIndex: 2,
    })
    expect(toListQuery(state)).toEqual({
      offset: 40,
      limit: 20,
      order: "send_at",
      status: ["failed", "scheduled"],
      flow: ["thank-you"],
    })
  })

  it("leaves out what it does not understand instead of sending it to the API", () => {
    const state = readListState(
      params("status=nope,failed&flow=Bad_Key&order=email&offset=-20&send_at=" + encodeURIComponent('{"$gte":"soon","$lt":"2026-01-01"}'))
    )
    expect(state).toEqual({
      filtering: { status: ["failed"], flow: [], send_at: {} },
      sorting: DEFAULT_SORTING,
      pageIndex: 0,
    })
    expect(toListQuery(state)).toEqual({ offset: 0, limit: 20, order: "-send_at", status: ["failed"] })
    expect(readListState(params("send_at=not-json")).filtering).toEqual({ send_at: null })
  })

  it("keeps a filter the admin added but has not chosen a value for, without filtering by it", () => {
    const added = writeFiltering(params(""), { status: [], send_at: null })
    expect(added.toString()).toBe("status=&send_at=")
    const state = readListState(added)
    expect(state.filtering).toEqual({ status: [], send_at: null })
    expect(toListQuery(state)).toEqual({ offset: 0, limit: 20, order: "-send_at" })
  })

  it("writes filters back so they read the same, and starts over on the first page", () => {
    const filtering = {
      status: ["failed" as const, "scheduled" as const],
      flow: ["order-confirmation"],
      send_at: { $gte: "2026-11-20T10:00:00.000Z" },
    }
    const written = writeFiltering(params("offset=40&order=send_at"), filtering)
    expect(written.get("offset")).toBeNull()
    expect(written.get("order")).toBe("send_at")
    expect(readListState(written).filtering).toEqual(filtering)

    const removed = writeFiltering(written, { status: ["failed"] })
    expect(removed.get("flow")).toBeNull()
    expect(removed.get("send_at")).toBeNull()
    expect(removed.get("status")).toBe("failed")
  })

  it("writes the order only when it is not the default, and starts over on the first page", () => {
    const ascending = writeSorting(params("status=failed&offset=20"), { id: "send_at", desc: false })
    expect(ascending.toString()).toBe("status=failed&order=send_at")
    expect(writeSorting(ascending, DEFAULT_SORTING).toString()).toBe("status=failed")
  })

  it("writes the page as an offset, none for the first page", () => {
    expect(writePage(params("status=failed"), 3).toString()).toBe("status=failed&offset=60")
    expect(writePage(params("status=failed&offset=60"), 0).toString()).toBe("status=failed")
  })

  it("filters the due date in whole days, from the start of the first to the end of the last", () => {
    const from = new Date(2026, 10, 20, 15, 30)
    const until = new Date(2026, 10, 22, 0, 0)
    const query = toListQuery(
      readListState(params("send_at=" + encodeURIComponent(JSON.stringify({ $gte: from.toISOString(), $lte: until.toISOString() }))))
    )
    expect(query.send_at).toEqual({
      $gte: startOfDay(from).toISOString(),
      $lte: endOfDay(until).toISOString(),
    })
    expect(new Date(query.send_at!.$lte!).getDate()).toBe(22)
  })
})
