import {
  Button,
  Checkbox,
  Container,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  DataTable,
  Heading,
  Select,
  Tabs,
  Text,
  toast,
  useDataTable,
  usePrompt,
  type DataTableEmptyStateProps,
  type DataTableRowSelectionState,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { errorMessage } from "../lib/api"
import { formatDate } from "../lib/format"
import {
  ALL_STATUSES,
  readReviewListState,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  REVIEWS_PAGE_SIZE,
  reviewsCount,
  STAR_RATINGS,
  toReviewListQuery,
  writeReviewListState,
  type ReviewListState,
  type ReviewView,
  type StatusTab,
} from "../lib/reviews"
import { useModerateReviews, useReviewList, useReviewProductOptions } from "../lib/reviews-api"
import { ReviewRejectPrompt } from "./review-reject-prompt"
import { ReviewReplyDrawer } from "./review-reply-drawer"
import { rejectionNote, ReviewBadges, ReviewStatusBadge, ReviewText, Stars, useActorNames } from "./review-parts"
import { StateMessage } from "./state-message"
import { TruncatedText } from "./truncated-text"

const STATUS_TABS: { value: StatusTab; label: string }[] = [
  ...REVIEW_STATUSES.map((status) => ({ value: status, label: REVIEW_STATUS_LABELS[status] })),
  { value: ALL_STATUSES, label: "All" },
]

/** Radix's Select has no empty value: this one stands for "no filter". */
const ANY = "any"

/**
 * Every review, the pending ones first on screen: filter by status, rating
 * and product, search, select rows to approve or reject them together, and
 * reply to one. The filters live in the page's address (see lib/reviews.ts),
 * so the product widget can link to its product's reviews.
 */
export const ReviewList = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const state = useMemo(() => readReviewListState(searchParams), [searchParams])
  const query = useMemo(() => toReviewListQuery(state), [state])
  const { data, isPending, isError, error } = useReviewList(query)
  const reviews = useMemo(() => data?.reviews ?? [], [data])
  const change = (changes: Partial<ReviewListState>) => setSearchParams(writeReviewListState(searchParams, changes))
  // the search box calls back after a pause with the callback of the render it started in: it gets this one
  const latestChange = useRef(change)
  latestChange.current = change

  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  // commands act on what the admin sees: another filter or page starts a new selection
  const queryKey = JSON.stringify(query)
  useEffect(() => setRowSelection({}), [queryKey])

  const [rejecting, setRejecting] = useState<string[] | null>(null)
  const [replyingTo, setReplyingTo] = useState<ReviewView | null>(null)

  const columns = useColumns(reviews, setReplyingTo)
  const commands = useCommands(setRowSelection, setRejecting)

  const table = useDataTable({
    data: reviews,
    columns,
    commands,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    // each change below goes back to the first page itself, in the same change of address
    autoResetPageIndex: false,
    search: {
      state: state.q,
      onSearchChange: (q) => latestChange.current({ q }),
    },
    pagination: {
      state: { pageIndex: state.pageIndex, pageSize: REVIEWS_PAGE_SIZE },
      onPaginationChange: ({ pageIndex }) => change({ pageIndex }),
    },
    rowSelection: {
      state: rowSelection,
      onRowSelectionChange: setRowSelection,
    },
  })

  const filtered = state.rating !== null || state.product_id !== null || state.q !== ""

  return (
    <Container className="divide-y p-0" data-testid="pp-review-list">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Reviews</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What your customers wrote about the products they bought. The store shows approved reviews only. Every
          rating goes through the same moderation: approve a review unless one of the listed reasons applies.
        </Text>
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start gap-3 md:flex-row md:items-center md:justify-between">
          <Tabs value={state.status} onValueChange={(status) => change({ status: status as StatusTab })}>
            <Tabs.List>
              {STATUS_TABS.map((tab) => (
                <Tabs.Trigger key={tab.value} value={tab.value} data-testid={`pp-reviews-status-${tab.value}`}>
                  {tab.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
          <div className="flex flex-wrap items-center gap-2">
            <RatingFilter value={state.rating} onChange={(rating) => change({ rating })} />
            <ProductFilter value={state.product_id} onChange={(product_id) => change({ product_id })} />
            <div className="w-full md:w-56" data-testid="pp-reviews-search">
              <DataTable.Search placeholder="Search reviews" />
            </div>
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <StateMessage error>Could not load the reviews: {errorMessage(error)}</StateMessage>
        ) : (
          <DataTable.Table emptyState={emptyState(state.status, filtered)} />
        )}
        <DataTable.Pagination />
        <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />
      </DataTable>
      <ReviewRejectPrompt
        ids={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={() => {
          setRejecting(null)
          setRowSelection({})
        }}
      />
      <ReviewReplyDrawer review={replyingTo} onClose={() => setReplyingTo(null)} />
    </Container>
  )
}

const RatingFilter = ({ value, onChange }: { value: number | null; onChange: (rating: ReviewListState["rating"]) => void }) => (
  <Select
    size="small"
    value={value ? String(value) : ANY}
    onValueChange={(next) => onChange(next === ANY ? null : (Number(next) as ReviewListState["rating"]))}
  >
    <Select.Trigger className="w-36" aria-label="Rating" data-testid="pp-reviews-rating-filter">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ANY}>Any rating</Select.Item>
      {[...STAR_RATINGS].reverse().map((star) => (
        <Select.Item key={star} value={String(star)}>
          {star === 1 ? "1 star" : `${star} stars`}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

const ProductFilter = ({ value, onChange }: { value: string | null; onChange: (productId: string | null) => void }) => {
  const { data } = useReviewProductOptions()
  const products = data?.products ?? []
  // a product from a link that is not among the options still shows as chosen
  const options = value && !products.some((p) => p.id === value) ? [...products, { id: value, title: value }] : products

  return (
    <Select size="small" value={value ?? ANY} onValueChange={(next) => onChange(next === ANY ? null : next)}>
      <Select.Trigger className="w-52" aria-label="Product" data-testid="pp-reviews-product-filter">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ANY}>All products</Select.Item>
        {options.map((product) => (
          <Select.Item key={product.id} value={product.id}>
            {product.title}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

const emptyState = (status: StatusTab, filtered: boolean): DataTableEmptyStateProps => ({
  empty: {
    heading: status === "pending" ? "Nothing to moderate" : "No reviews here yet",
    description:
      status === "pending"
        ? "New reviews wait here until you approve or reject them."
        : "Reviews appear once customers write them through their review-request email.",
  },
  filtered: {
    heading: filtered ? "No reviews match these filters" : "No reviews here yet",
    description: "Try another status, rating or product, or clear the search.",
  },
})

const columnHelper = createDataTableColumnHelper<ReviewView>()

const useColumns = (reviews: ReviewView[], onReply: (review: ReviewView) => void) => {
  const actors = useMemo(() => reviews.flatMap((r) => [r.moderated_by, r.rejected_by]), [reviews])
  const nameOf = useActorNames(actors)

  return useMemo(
    () => [
      columnHelper.select({
        header: ({ table }) => (
          <Checkbox
            data-testid="pp-reviews-select-page"
            aria-label="Select every review on this page"
            checked={table.getIsSomePageRowsSelected() ? "indeterminate" : table.getIsAllPageRowsSelected()}
            onCheckedChange={(checked) => table.toggleAllPageRowsSelected(!!checked)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            data-testid={`pp-review-row-${row.id}-select`}
            aria-label={`Select the review by ${row.original.reviewer_name}`}
            checked={row.getIsSelected()}
            onCheckedChange={(checked) => row.toggleSelected(!!checked)}
          />
        ),
      }),
      columnHelper.accessor("rating", {
        header: "Rating",
        size: 96,
        cell: ({ row }) => <Stars rating={row.original.rating} testId={`pp-review-row-${row.id}-rating`} />,
        truncateTooltip: false,
      }),
      columnHelper.accessor((row) => row.title ?? row.body, {
        id: "review",
        header: "Review",
        size: 340,
        cell: ({ row }) => (
          <div className="flex min-w-[240px] max-w-[360px] flex-col gap-y-1 whitespace-normal py-3" data-testid={`pp-review-row-${row.id}`}>
            {row.original.title ? (
              <Text size="small" weight="plus" className="break-words" data-testid={`pp-review-row-${row.id}-title`}>
                {row.original.title}
              </Text>
            ) : null}
            {row.original.body ? (
              <ReviewText text={row.original.body} testId={`pp-review-row-${row.id}-body`} />
            ) : !row.original.title ? (
              <Text size="small" className="text-ui-fg-muted">
                A rating without text
              </Text>
            ) : null}
            {row.original.images.length ? (
              <span className="flex gap-x-2">
                {row.original.images.map((url, index) => (
                  // links, not images: the admin's browser fetches nothing the customer chose until asked
                  <a
                    key={url}
                    href={url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  >
                    Photo {index + 1}
                  </a>
                ))}
              </span>
            ) : null}
            <Text size="xsmall" className="text-ui-fg-muted">
              {formatDate(row.original.created_at)}
            </Text>
          </div>
        ),
        truncateTooltip: false,
      }),
      columnHelper.accessor((row) => row.reviewer_email, {
        id: "reviewer",
        header: "Reviewer",
        size: 200,
        cell: ({ row }) => (
          <div className="flex w-[200px] flex-col gap-y-1 py-3">
            <Text size="small" className="truncate">
              {row.original.reviewer_name}
            </Text>
            <Text size="small" className="truncate text-ui-fg-subtle" title={row.original.reviewer_email} data-testid={`pp-review-row-${row.id}-email`}>
              {row.original.reviewer_email}
            </Text>
            <ReviewBadges review={row.original} />
          </div>
        ),
        truncateTooltip: false,
      }),
      columnHelper.accessor((row) => row.product?.title ?? null, {
        id: "product",
        header: "Product",
        size: 160,
        cell: ({ row }) =>
          row.original.product ? (
            <Link
              to={`/products/${row.original.product.id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-testid={`pp-review-row-${row.id}-product`}
            >
              {row.original.product.title}
            </Link>
          ) : (
            <span className="text-ui-fg-muted">Product deleted</span>
          ),
      }),
      columnHelper.accessor((row) => row.status, {
        id: "status",
        header: "Status",
        size: 170,
        cell: ({ row }) => {
          const review = row.original
          const reason = rejectionNote(review)
          const by = nameOf(review.status === "rejected" ? review.rejected_by ?? review.moderated_by : review.moderated_by)
          return (
            <div className="flex w-[170px] flex-col items-start gap-y-1 whitespace-normal py-3">
              <ReviewStatusBadge review={review} testId={`pp-review-row-${row.id}-status`} />
              {reason ? (
                <Text size="small" className="text-ui-fg-subtle" data-testid={`pp-review-row-${row.id}-reason`}>
                  {reason}
                </Text>
              ) : null}
              {review.status !== "pending" && review.moderated_at ? (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {by ? `${by}, ` : ""}
                  {formatDate(review.moderated_at)}
                </Text>
              ) : null}
            </div>
          )
        },
        truncateTooltip: false,
      }),
      columnHelper.accessor((row) => row.reply, {
        id: "reply",
        header: "Reply",
        size: 200,
        cell: ({ row }) => (
          <div className="flex w-[200px] flex-col gap-y-1 py-3">
            {row.original.reply ? <TruncatedText text={row.original.reply} testId={`pp-review-row-${row.id}-reply`} /> : null}
            <Button
              size="small"
              variant="transparent"
              className="-ml-2 self-start"
              data-testid={`pp-review-row-${row.id}-reply-button`}
              onClick={() => onReply(row.original)}
            >
              {row.original.reply ? "Edit reply" : "Reply"}
            </Button>
          </div>
        ),
        truncateTooltip: false,
      }),
    ],
    [nameOf, onReply]
  )
}

const commandHelper = createDataTableCommandHelper()

/** "Approve" (after a confirmation) and "Reject" (after a reason) for the selected reviews. */
const useCommands = (
  setRowSelection: (selection: DataTableRowSelectionState) => void,
  setRejecting: (ids: string[]) => void
) => {
  const prompt = usePrompt()
  const { mutateAsync: moderate } = useModerateReviews()

  return useMemo(() => {
    const selectedOf = (selection: DataTableRowSelectionState) => Object.keys(selection).filter((id) => selection[id])

    return [
      commandHelper.command({
        label: "Approve",
        shortcut: "a",
        action: async (selection) => {
          const ids = selectedOf(selection)
          const confirmed = await prompt({
            title: `Approve ${reviewsCount(ids.length)}?`,
            description: "The store shows them with the product, and they count in its rating.",
            variant: "confirmation",
            confirmText: `Approve ${reviewsCount(ids.length)}`,
            cancelText: "Not now",
          })
          if (!confirmed) {
            return
          }
          try {
            await moderate({ ids, action: "approve" })
            setRowSelection({})
            toast.success(`${reviewsCount(ids.length)} approved`, { description: "The store shows them now." })
          } catch (error) {
            toast.error("Could not approve the reviews", { description: errorMessage(error) })
          }
        },
      }),
      commandHelper.command({
        label: "Reject",
        shortcut: "r",
        action: (selection) => setRejecting(selectedOf(selection)),
      }),
    ]
  }, [prompt, moderate, setRowSelection, setRejecting])
}
