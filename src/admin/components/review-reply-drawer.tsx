import { Button, Drawer, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage } from "../lib/api"
import type { ReviewView } from "../lib/reviews"
import { useReplyToReview } from "../lib/reviews-api"
import { DrawerFooter } from "./drawer-footer"
import { ReviewText, Stars } from "./review-parts"
import { TextAreaField } from "./text-area-field"

/**
 * The shop's public reply to a review, shown with it in the store: write
 * one, change it, or remove it.
 */
export const ReviewReplyDrawer = ({ review, onClose }: { review: ReviewView | null; onClose: () => void }) => (
  <Drawer open={!!review} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content data-testid="pp-review-reply-drawer">
      {review ? <ReplyForm key={review.id} review={review} onDone={onClose} /> : null}
    </Drawer.Content>
  </Drawer>
)

const ReplyForm = ({ review, onDone }: { review: ReviewView; onDone: () => void }) => {
  const [reply, setReply] = useState(review.reply ?? "")
  const save = useReplyToReview()
  const prompt = usePrompt()
  const changed = reply.trim() !== (review.reply ?? "").trim()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!reply.trim() || !changed) {
      return
    }
    try {
      await save.mutateAsync({ id: review.id, reply: reply.trim() })
      toast.success(review.reply ? "Reply changed" : "Reply published", {
        description:
          review.status === "approved" ? "The store shows it with the review." : "The store shows it once the review is approved.",
      })
      onDone()
    } catch {
      // the API's message names what is wrong; it is shown under the field
    }
  }

  const remove = async () => {
    const confirmed = await prompt({
      title: "Remove the reply?",
      description: "The store shows the review without it.",
      confirmText: "Remove reply",
      cancelText: "Keep it",
    })
    if (!confirmed) {
      return
    }
    try {
      await save.mutateAsync({ id: review.id, reply: null })
      toast.success("Reply removed")
      onDone()
    } catch (error) {
      toast.error("Could not remove the reply", { description: errorMessage(error) })
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{review.reply ? "Edit reply" : "Reply to review"}</Heading>
        </Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          Your reply is public: the store shows it below the review, as the shop’s answer.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <div className="flex flex-col gap-y-1 rounded-lg border p-4">
          <div className="flex items-center gap-x-2">
            <Stars rating={review.rating} />
            <Text size="small" weight="plus">
              {review.reviewer_name}
            </Text>
          </div>
          {review.title ? (
            <Text size="small" weight="plus">
              {review.title}
            </Text>
          ) : null}
          {review.body ? <ReviewText text={review.body} /> : null}
        </div>
        <div className="flex flex-col gap-y-2">
          <TextAreaField
            id="pp-review-reply"
            testId="pp-review-reply-text"
            label="Reply"
            value={reply}
            onChange={(value) => {
              setReply(value)
              if (save.error) save.reset()
            }}
            error={save.error ? errorMessage(save.error) : null}
            hint="Plain text. Thank the reviewer, answer a question, or say what you did about a problem."
          />
        </div>
      </Drawer.Body>
      <DrawerFooter
        submitTestId="pp-review-reply-save"
        submitLabel={review.reply ? "Save reply" : "Publish reply"}
        disabled={!reply.trim() || !changed}
        isLoading={save.isPending}
      >
        {review.reply ? (
          <Button
            size="small"
            variant="danger"
            type="button"
            className="mr-auto"
            data-testid="pp-review-reply-remove"
            disabled={save.isPending}
            onClick={remove}
          >
            Remove reply
          </Button>
        ) : null}
      </DrawerFooter>
    </form>
  )
}
