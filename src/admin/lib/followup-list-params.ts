import type { DataTableFilteringState, DataTableSortingState } from "@medusajs/ui"
import { FOLLOWUP_STATUSES, type FollowupListQuery, type FollowupStatus } from "./types"

/**
 * The list of follow-ups keeps its filters, sorting and page in the page's
 * address, as the dashboard's lists do, so a view can be bookmarked, shared
 * or linked to: `/app/post-purchase?status=failed`.
 *
 * - `status`, `flow`: comma-separated, e.g. `status=failed,scheduled`; an empty
 *   value is a filter the admin added but has not chosen a value for yet.
 * - `send_at`: the due-date range as JSON, e.g. `{"$gte":"2026-11-26T00:00:00.000Z"}`;
 *   empty while the admin picks a range.
 * - `order`: `send_at` or `-send_at` (the default, latest due first).
 * - `offset`: the first row of the page.
 */

export const FOLLOWUPS_PAGE_SIZE = 20

export type DueRange = { $gte?: string; $lte?: string }

// a type, not an interface: the table takes it as its filtering state (a string-keyed record)
export type FollowupFilters = {
  status?: FollowupStatus[]
  flow?: string[]
  /** null: added, no range chosen yet */
  send_at?: DueRange | null
}

export interface FollowupListState {
  filtering: FollowupFilters
  sorting: DataTableSortingState
  pageIndex: number
}

/** Latest due first: scheduled emails, then the ones that just went out or failed. */
export const DEFAULT_SORTING: DataTableSortingState = { id: "send_at", desc: true }

const FILTER_PARAMS = ["status", "flow", "send_at"] as const

const FLOW_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Reads the list's state from the address; anything it does not understand is left out, never sent to the API. */
export function readListState(params: URLSearchParams, pageSize = FOLLOWUPS_PAGE_SIZE): FollowupListState {
  const filtering: FollowupFilters = {}

  const status = readList(params, "status")
  if (status) {
    filtering.status = status.filter((value): value is FollowupStatus =>
      (FOLLOWUP_STATUSES as readonly string[]).includes(value)
    )
  }
  const flow = readList(params, "flow")
  if (flow) {
    filtering.flow = flow.filter((value) => FLOW_KEY.test(value))
  }
  const due = params.get("send_at")
  if (due !== null) {
    filtering.send_at = readDueRange(due)
  }

  const order = params.get("order")
  const sorting =
    order === "send_at" || order === "-send_at"
      ? { id: "send_at", desc: order.startsWith("-") }
      : DEFAULT_SORTING

  const offset = Number(params.get("offset"))
  const pageIndex = Number.isInteger(offset) && offset > 0 ? Math.floor(offset / pageSize) : 0

  return { filtering, sorting, pageIndex }
}

/** The filters the table reports, written into the address; a new filter starts over on the first page. */
export function writeFiltering(params: URLSearchParams, filtering: DataTableFilteringState): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of FILTER_PARAMS) {
    const value = filtering[key]
    if (value === undefined) {
      next.delete(key)
    } else if (value === null) {
      next.set(key, "")
    } else if (Array.isArray(value)) {
      next.set(key, value.join(","))
    } else {
      next.set(key, JSON.stringify(value))
    }
  }
  next.delete("offset")
  return next
}

/** The sort order written into the address (left out when it is the default); starts over on the first page. */
export function writeSorting(params: URLSearchParams, sorting: DataTableSortingState): URLSearchParams {
  const next = new URLSearchParams(params)
  const order = orderOf(sorting)
  if (order === orderOf(DEFAULT_SORTING)) {
    next.delete("order")
  } else {
    next.set("order", order)
  }
  next.delete("offset")
  return next
}

export function writePage(params: URLSearchParams, pageIndex: number, pageSize = FOLLOWUPS_PAGE_SIZE): URLSearchParams {
  const next = new URLSearchParams(params)
  if (pageIndex > 0) {
    next.set("offset", String(pageIndex * pageSize))
  } else {
    next.delete("offset")
  }
  return next
}

/**
 * The API query for a state. The due-date filter works in whole days, as its
 * date picker does: from the start of its first day to the end of its last.
 */
export function toListQuery(state: FollowupListState, pageSize = FOLLOWUPS_PAGE_SIZE): FollowupListQuery {
  const { status, flow, send_at } = state.filtering
  const query: FollowupListQuery = {
    offset: state.pageIndex * pageSize,
    limit: pageSize,
    order: orderOf(state.sorting),
  }
  if (status?.length) {
    query.status = status
  }
  if (flow?.length) {
    query.flow = flow
  }
  if (send_at?.$gte || send_at?.$lte) {
    query.send_at = {
      ...(send_at.$gte ? { $gte: startOfDay(new Date(send_at.$gte)).toISOString() } : {}),
      ...(send_at.$lte ? { $lte: endOfDay(new Date(send_at.$lte)).toISOString() } : {}),
    }
  }
  return query
}

export const startOfDay = (date: Date) => {
  const day = new Date(date)
  day.setHours(0, 0, 0, 0)
  return day
}

export const endOfDay = (date: Date) => {
  const day = new Date(date)
  day.setHours(23, 59, 59, 999)
  return day
}

export const addDays = (date: Date, days: number) => {
  const moved = new Date(date)
  moved.setDate(moved.getDate() + days)
  return moved
}

function orderOf(sorting: DataTableSortingState): "send_at" | "-send_at" {
  return sorting.desc ? "-send_at" : "send_at"
}

function readList(params: URLSearchParams, key: string): string[] | undefined {
  const raw = params.get(key)
  if (raw === null) {
    return undefined
  }
  return raw
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
}

function readDueRange(raw: string): DueRange | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== "object") {
    return null
  }
  const range: DueRange = {}
  for (const bound of ["$gte", "$lte"] as const) {
    const value = (parsed as Record<string, unknown>)[bound]
    if (typeof value === "string" && !Number.isNaN(Date.parse(value))) {
      range[bound] = value
    }
  }
  return range
}
