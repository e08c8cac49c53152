import { Button, InlineTip, Prompt, RadioGroup, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage } from "../lib/api"
import {
  REJECTION_REASON_DESCRIPTIONS,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  reviewsCount,
  type RejectionReason,
} from "../lib/reviews"
import { useModerateReviews } from "../lib/reviews-api"

/**
 * Rejecting reviews: the admin picks one of the listed reasons first, none
 * of which is about the rating, and Reject stays disabled until then.
 */
export const ReviewRejectPrompt = ({
  ids,
  onClose,
  onRejected,
}: {
  /** The reviews to reject; open while set. */
  ids: string[] | null
  onClose: () => void
  onRejected: () => void
}) => {
  const [reason, setReason] = useState<RejectionReason | "">("")
  const moderate = useModerateReviews()
  const open = !!ids?.length

  // every rejection starts without a reason, so none is carried over from the last one
  useEffect(() => {
    if (open) {
      setReason("")
      moderate.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const reject = async () => {
    if (!ids?.length || !reason) {
      return
    }
    try {
      await moderate.mutateAsync({ ids, action: "reject", reason })
      toast.success(`${reviewsCount(ids.length)} rejected`, {
        description: `Reason: ${REJECTION_REASON_LABELS[reason]}. The store no longer shows ${ids.length === 1 ? "it" : "them"}.`,
      })
      onRejected()
    } catch (error) {
      toast.error("Could not reject the reviews", { description: errorMessage(error) })
    }
  }

  return (
    <Prompt open={open} onOpenChange={(next) => !next && !moderate.isPending && onClose()}>
      <Prompt.Content data-testid="pp-review-reject-dialog">
        <Prompt.Header>
          <Prompt.Title>Reject {reviewsCount(ids?.length ?? 0)}?</Prompt.Title>
          <Prompt.Description>
            Choose why. The reason is kept with the review, with who rejected it and when.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pb-4">
          <RadioGroup
            value={reason}
            onValueChange={(value) => setReason(value as RejectionReason)}
            aria-label="Reason for rejecting"
            className="flex flex-col gap-y-2"
          >
            {REJECTION_REASONS.map((value) => (
              <RadioGroup.ChoiceBox
                key={value}
                value={value}
                label={REJECTION_REASON_LABELS[value]}
                description={REJECTION_REASON_DESCRIPTIONS[value]}
                data-testid={`pp-review-reject-reason-${value}`}
              />
            ))}
          </RadioGroup>
          <InlineTip label="Never for the rating" variant="warning">
            A low rating or a negative opinion is not a reason to reject. The FTC’s rule on consumer reviews (16 CFR
            465) forbids holding back reviews for their rating or sentiment; if none of these reasons applies, approve
            the review.
          </InlineTip>
        </div>
        <Prompt.Footer>
          <Button size="small" variant="secondary" type="button" onClick={onClose} disabled={moderate.isPending}>
            Cancel
          </Button>
          <Button
            size="small"
            variant="danger"
            type="button"
            data-testid="pp-review-reject-confirm"
            disabled={!reason}
            isLoading={moderate.isPending}
            onClick={reject}
          >
            Reject {reviewsCount(ids?.length ?? 0)}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
