import {
  Checkbox,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  createDataTableFilterHelper,
  DataTable,
  Heading,
  Text,
  toast,
  useDataTable,
  usePrompt,
  type DataTableEmptyStateProps,
  type DataTableFilter,
  type DataTableRowSelectionState,
  type DataTableSortingState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { errorMessage, useCancelFollowups, useFlows, useFollowupList, useResendFollowups } from "../lib/api"
import {
  addDays,
  endOfDay,
  FOLLOWUPS_PAGE_SIZE,
  readListState,
  startOfDay,
  toListQuery,
  writeFiltering,
  writePage,
  writeSorting,
} from "../lib/followup-list-params"
import { formatDate } from "../lib/format"
import { FOLLOWUP_STATUSES, type FollowupStatus, type FollowupView } from "../lib/types"
import { FollowupNote, FollowupStatusBadge, followupStatusLabel } from "./followup-status"
import { StateMessage } from "./state-message"

/** What an admin can still do something about: resend a failed follow-up, cancel a scheduled or failed one. */
const SELECTABLE: FollowupStatus[] = ["failed", "scheduled"]

/**
 * Follow-ups across all orders, with filters, sorting by due date and pages,
 * all kept in the page's address (see followup-list-params.ts); select rows
 * to resend or cancel them together.
 */
export const FollowupList = () => {
  const [searchParams, setSearchParams] = useListParams()
  const state = useMemo(() => readListState(searchParams), [searchParams])
  const query = useMemo(() => toListQuery(state), [state])
  const { data, isPending, isError, error } = useFollowupList(query)
  const followups = useMemo(() => data?.followups ?? [], [data])

  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  // commands act on what the admin sees: another filter, order or page starts a new selection
  const queryKey = JSON.stringify(query)
  useEffect(() => setRowSelection({}), [queryKey])

  const columns = useColumns()
  const filters = useFilters()
  const commands = useCommands(followups, setRowSelection)

  const table = useDataTable({
    data: followups,
    columns,
    filters,
    commands,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    // each handler below goes back to the first page itself, in the same change of address
    autoResetPageIndex: false,
    filtering: {
      state: state.filtering,
      onFilteringChange: (filtering) => setSearchParams(writeFiltering(searchParams, filtering)),
    },
    sorting: {
      state: state.sorting,
      // the table drops the sort on a third click; the list is always sorted, so that click flips it
      onSortingChange: (sorting: DataTableSortingState | undefined) =>
        setSearchParams(writeSorting(searchParams, sorting ?? { ...state.sorting, desc: !state.sorting.desc })),
    },
    pagination: {
      state: { pageIndex: state.pageIndex, pageSize: FOLLOWUPS_PAGE_SIZE },
      onPaginationChange: ({ pageIndex }) => setSearchParams(writePage(searchParams, pageIndex)),
    },
    rowSelection: {
      state: rowSelection,
      onRowSelectionChange: setRowSelection,
      enableRowSelection: (row) => SELECTABLE.includes(row.original.status),
    },
  })

  return (
    <Container className="divide-y p-0" data-testid="pp-followup-list">
      <DataTable instance={table}>
        <DataTable.Toolbar
          className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
          translations={{ clearAll: "Clear all" }}
        >
          <div className="flex w-full items-center justify-between gap-2">
            <div>
              <Heading level="h2">Follow-ups</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Every email scheduled for your orders. Select failed or scheduled ones to resend or
                cancel them.
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <div data-testid="pp-followup-filter-menu">
                <DataTable.FilterMenu tooltip="Add a filter" />
              </div>
              <div data-testid="pp-followup-sort-menu">
                <DataTable.SortingMenu tooltip="Sort" />
              </div>
            </div>
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <StateMessage error>Could not load the follow-ups: {errorMessage(error)}</StateMessage>
        ) : (
          <DataTable.Table emptyState={EMPTY_STATE} />
        )}
        <DataTable.Pagination />
        <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />
      </DataTable>
    </Container>
  )
}

/**
 * The page's address as the list's state, held in React state as well: the
 * router applies a new address in a transition, a moment later, and the
 * table's filter bar acts on the state it is given in between (a filter
 * picked right after it was added would otherwise be dropped again).
 */
const useListParams = () => {
  const [address, setAddress] = useSearchParams()
  const [params, setParams] = useState(() => new URLSearchParams(address))

  // follow the address when something else changes it: a link, back and forward
  useEffect(() => {
    setParams((current) => (current.toString() === address.toString() ? current : new URLSearchParams(address)))
  }, [address])

  const update = useCallback(
    (next: URLSearchParams) => {
      setParams(next)
      setAddress(next)
    },
    [setAddress]
  )
  return [params, update] as const
}

const EMPTY_STATE: DataTableEmptyStateProps = {
  empty: {
    heading: "No follow-ups yet",
    description: "They appear here as soon as an order is placed.",
  },
  filtered: {
    heading: "No follow-ups match these filters",
    description: "Try other filters, or clear them to see every follow-up.",
  },
}

const columnHelper = createDataTableColumnHelper<FollowupView>()

const useColumns = () =>
  useMemo(
    () => [
      columnHelper.select({
        header: ({ table }) => (
          <Checkbox
            data-testid="pp-followup-select-page"
            aria-label="Select every failed or scheduled follow-up on this page"
            checked={table.getIsSomePageRowsSelected() ? "indeterminate" : table.getIsAllPageRowsSelected()}
            disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
            onCheckedChange={(checked) => table.toggleAllPageRowsSelected(!!checked)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            data-testid={`pp-followup-row-${row.id}-select`}
            aria-label={`Select ${row.original.flow_label} to ${row.original.email}`}
            checked={row.getIsSelected()}
            disabled={!row.getCanSelect()}
            onCheckedChange={(checked) => row.toggleSelected(!!checked)}
          />
        ),
      }),
      columnHelper.accessor("order_display_id", {
        header: "Order",
        cell: ({ row }) => <OrderLink followup={row.original} />,
      }),
      columnHelper.accessor("email", {
        header: "Customer",
      }),
      columnHelper.accessor("flow_label", {
        header: "Email",
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <span data-testid={`pp-followup-row-${row.id}-status`}>
            <FollowupStatusBadge status={row.original.status} />
          </span>
        ),
      }),
      columnHelper.accessor("send_at", {
        header: "Due",
        cell: ({ getValue }) => formatDate(getValue()),
        enableSorting: true,
        sortLabel: "Due",
        sortAscLabel: "Earliest first",
        sortDescLabel: "Latest first",
      }),
      columnHelper.accessor("attempts", {
        header: "Attempts",
        size: 96,
      }),
      columnHelper.accessor((row) => row.last_error ?? row.status_reason, {
        id: "details",
        header: "Details",
        cell: ({ row }) => <FollowupNote followup={row.original} />,
        // FollowupNote cuts the text short and shows all of it in its own tooltip
        truncateTooltip: false,
      }),
    ],
    []
  )

/**
 * The order's number, linking to its page (where the order widget shows all
 * its follow-ups); for an email about the customer's account, the customer.
 */
const OrderLink = ({ followup }: { followup: FollowupView }) => (
  <span data-testid={`pp-followup-row-${followup.id}`}>
    {!followup.order_id ? (
      followup.customer_id ? (
        <Link
          to={`/customers/${followup.customer_id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
        >
          Account
        </Link>
      ) : (
        <span className="text-ui-fg-muted">Account</span>
      )
    ) : followup.order_display_id === null ? (
      <span className="text-ui-fg-muted">Order not found</span>
    ) : (
      <Link
        to={`/orders/${followup.order_id}`}
        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
      >
        #{followup.order_display_id}
      </Link>
    )}
  </span>
)

const filterHelper = createDataTableFilterHelper<FollowupView>()

const useFilters = (): DataTableFilter[] => {
  const { data } = useFlows()
  const flows = data?.flows

  // whole days, in the admin's time zone, fixed when the page opens so a chosen option stays recognisable
  const dueOptions = useMemo(() => {
    const now = new Date()
    const range = (fromDays: number, toDays: number) => ({
      $gte: startOfDay(addDays(now, fromDays)).toISOString(),
      $lte: endOfDay(addDays(now, toDays)).toISOString(),
    })
    return [
      { label: "Today", value: range(0, 0) },
      { label: "Next 7 days", value: range(0, 7) },
      { label: "Last 7 days", value: range(-7, 0) },
      { label: "Last 30 days", value: range(-30, 0) },
    ]
  }, [])

  return useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "multiselect",
        label: "Status",
        searchable: false,
        options: FOLLOWUP_STATUSES.map((status) => ({ label: followupStatusLabel(status), value: status })),
      }),
      filterHelper.accessor("flow", {
        type: "select",
        label: "Email",
        options: (flows ?? []).map((flow) => ({ label: flow.label, value: flow.key })),
      }),
      filterHelper.accessor("send_at", {
        type: "date",
        label: "Due",
        format: "date",
        options: dueOptions,
        rangeOptionLabel: "Custom range",
        rangeOptionStartLabel: "From",
        rangeOptionEndLabel: "Until",
      }),
    ],
    [flows, dueOptions]
  )
}

const commandHelper = createDataTableCommandHelper()

const emails = (count: number) => (count === 1 ? "1 email" : `${count} emails`)

/**
 * "Resend" (failed only) and "Cancel" (scheduled or failed) for the selected
 * rows. A selection the command cannot apply to as a whole is explained in a
 * toast rather than sent: the API changes all or none.
 */
const useCommands = (
  followups: FollowupView[],
  setRowSelection: (selection: DataTableRowSelectionState) => void
) => {
  const prompt = usePrompt()
  const { mutateAsync: resend } = useResendFollowups()
  const { mutateAsync: cancel } = useCancelFollowups()

  return useMemo(() => {
    const selectedOf = (selection: DataTableRowSelectionState) =>
      Object.keys(selection).filter((id) => selection[id])

    /** Why some of the selected follow-ups do not fit: "1 of the 3 selected is scheduled. Unselect it and try again." */
    const misfitsOf = (ids: string[], allowed: FollowupStatus[]) => {
      const byId = new Map(followups.map((f) => [f.id, f]))
      const misfits = ids.map((id) => byId.get(id)).filter((f) => !f || !allowed.includes(f.status))
      if (!misfits.length) {
        return null
      }
      const states = [
        ...new Set(misfits.map((f) => (f ? followupStatusLabel(f.status).toLowerCase() : "no longer in this list"))),
      ]
      const [verb, pronoun] = misfits.length === 1 ? ["is", "it"] : ["are", "them"]
      return `${misfits.length} of the ${ids.length} selected ${verb} ${states.join(" or ")}. Unselect ${pronoun} and try again.`
    }

    return [
      commandHelper.command({
        label: "Resend",
        shortcut: "r",
        action: async (selection) => {
          const ids = selectedOf(selection)
          const misfits = misfitsOf(ids, ["failed"])
          if (misfits) {
            toast.warning("Only failed emails can be resent", { description: misfits })
            return
          }
          const confirmed = await prompt({
            title: `Send ${emails(ids.length)} again?`,
            description:
              "They go out with the next send, usually within a minute, and get a fresh set of attempts.",
            variant: "confirmation",
            confirmText: `Resend ${emails(ids.length)}`,
            cancelText: "Not now",
          })
          if (!confirmed) {
            return
          }
          try {
            await resend(ids)
            setRowSelection({})
            toast.success(`${emails(ids.length)} will be sent again shortly`)
          } catch (error) {
            toast.error("Could not resend the emails", { description: errorMessage(error) })
          }
        },
      }),
      commandHelper.command({
        label: "Cancel",
        shortcut: "c",
        action: async (selection) => {
          const ids = selectedOf(selection)
          const misfits = misfitsOf(ids, ["scheduled", "failed"])
          if (misfits) {
            toast.warning("Only scheduled or failed emails can be canceled", { description: misfits })
            return
          }
          const confirmed = await prompt({
            title: `Cancel ${emails(ids.length)}?`,
            description: "They will not be sent. This can't be undone.",
            confirmText: `Cancel ${emails(ids.length)}`,
            cancelText: "Keep them",
          })
          if (!confirmed) {
            return
          }
          try {
            await cancel(ids)
            setRowSelection({})
            toast.success(`${emails(ids.length)} ${ids.length === 1 ? "was" : "were"} canceled`)
          } catch (error) {
            toast.error("Could not cancel the emails", { description: errorMessage(error) })
          }
        },
      }),
    ]
  }, [followups, prompt, resend, cancel, setRowSelection])
}
