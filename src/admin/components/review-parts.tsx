import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useUsers } from "../lib/api"
import { adminIdsOf } from "../lib/consent"
import {
  REJECTION_REASON_LABELS,
  REVIEW_STATUS_COLORS,
  REVIEW_STATUS_LABELS,
  starsLabel,
  starsText,
  type ReviewView,
} from "../lib/reviews"

/** The rating as stars; screen readers hear "4.0 out of 5 stars". */
export const Stars = ({ rating, testId }: { rating: number; testId?: string }) => (
  <span
    role="img"
    aria-label={starsLabel(rating)}
    title={starsLabel(rating)}
    data-testid={testId}
    data-rating={rating}
    className="whitespace-nowrap tracking-wider text-ui-tag-orange-icon"
  >
    {starsText(rating)}
  </span>
)

export const ReviewStatusBadge = ({ review, testId }: { review: Pick<ReviewView, "status">; testId?: string }) => (
  <StatusBadge color={REVIEW_STATUS_COLORS[review.status] ?? "grey"} data-testid={testId}>
    {REVIEW_STATUS_LABELS[review.status] ?? review.status}
  </StatusBadge>
)

/** "Verified purchase" and "Incentivized", as the store shows them with the review. */
export const ReviewBadges = ({ review }: { review: Pick<ReviewView, "verified" | "incentivized"> }) =>
  review.verified || review.incentivized ? (
    <span className="flex flex-wrap gap-1 whitespace-nowrap">
      {review.verified ? (
        <Badge size="2xsmall" color="green">
          Verified purchase
        </Badge>
      ) : null}
      {review.incentivized ? (
        <Badge size="2xsmall" color="purple">
          Incentivized
        </Badge>
      ) : null}
    </span>
  ) : null

/** Why a rejected review was rejected: "Rejected as spam or advertising". */
export const rejectionNote = (review: Pick<ReviewView, "status" | "rejection_reason">) =>
  review.status === "rejected" && review.rejection_reason
    ? REJECTION_REASON_LABELS[review.rejection_reason] ?? review.rejection_reason
    : null

/** Characters after which a text is cut to a few lines, with a button to read all of it. */
const LONG_TEXT = 240

/**
 * Plain text as the customer typed it, line breaks kept. React escapes it;
 * a long one is cut to four lines until the admin asks for all of it.
 */
export const ReviewText = ({ text, testId }: { text: string; testId?: string }) => {
  const [open, setOpen] = useState(false)
  const long = text.length > LONG_TEXT
  return (
    <div className="flex flex-col items-start gap-y-0.5">
      <Text
        size="small"
        data-testid={testId}
        className={`whitespace-pre-wrap break-words text-ui-fg-subtle ${long && !open ? "line-clamp-4" : ""}`}
      >
        {text}
      </Text>
      {long ? (
        <button
          type="button"
          className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          onClick={(event) => {
            // the row may react to clicks; reading more is not one
            event.stopPropagation()
            setOpen(!open)
          }}
        >
          {open ? "Show less" : "Show all"}
        </button>
      ) : null}
    </div>
  )
}

/** Names for "user:user_…" actors: the admin's name or email, else the id. */
export const useActorNames = (actors: (string | null)[]) => {
  const ids = useMemo(() => adminIdsOf(actors), [actors])
  const { data } = useUsers(ids)
  return useMemo(() => {
    const names = new Map(
      (data?.users ?? []).map((user) => [user.id, [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email])
    )
    return (actor: string | null) =>
      !actor ? null : actor.startsWith("user:") ? names.get(actor.slice(5)) ?? `Admin ${actor.slice(5)}` : actor
  }, [data])
}
