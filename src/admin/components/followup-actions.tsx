import { Button, toast, usePrompt } from "@medusajs/ui"
import { errorMessage, useCancelFollowup, useResendFollowup } from "../lib/api"
import type { FollowupView } from "../lib/types"

type Props = { followup: FollowupView }

/**
 * "Resend" and "Cancel" for a failed follow-up (an admin may give up on it),
 * "Cancel" for a scheduled one, nothing otherwise.
 * The handlers await the mutation (rather than passing callbacks to `mutate`) because
 * the refreshed list swaps the button out, and callbacks of an unmounted observer never run.
 */
export const FollowupActions = ({ followup }: Props) => {
  if (followup.status === "failed") {
    return (
      <div className="flex items-center justify-end gap-x-2">
        <ResendButton followup={followup} />
        <CancelButton followup={followup} />
      </div>
    )
  }
  if (followup.status === "scheduled") {
    return <CancelButton followup={followup} />
  }
  return null
}

const ResendButton = ({ followup }: Props) => {
  const { mutateAsync, isPending } = useResendFollowup()

  const resend = async () => {
    try {
      const { followup: result } = await mutateAsync(followup)
      if (result.status === "sent") {
        toast.success(`${followup.flow_label} was sent`)
      } else if (result.status === "scheduled") {
        toast.info(`${followup.flow_label} will be tried again shortly`, { description: result.last_error ?? undefined })
      } else {
        toast.error(`${followup.flow_label} could not be sent`, { description: result.last_error ?? result.status })
      }
    } catch (error) {
      toast.error(`Could not resend ${followup.flow_label}`, { description: errorMessage(error) })
    }
  }

  return (
    <Button
      size="small"
      variant="secondary"
      data-testid={`pp-followup-${followup.flow}-resend`}
      isLoading={isPending}
      onClick={resend}
    >
      Resend
    </Button>
  )
}

const CancelButton = ({ followup }: Props) => {
  const { mutateAsync, isPending } = useCancelFollowup()
  const prompt = usePrompt()

  const cancel = async () => {
    const confirmed = await prompt({
      title: "Cancel this follow-up?",
      description: `${followup.flow_label} will not be sent to ${followup.email}. This can't be undone.`,
      confirmText: "Cancel follow-up",
      cancelText: "Keep it",
    })
    if (!confirmed) {
      return
    }
    try {
      await mutateAsync(followup)
      toast.success(`${followup.flow_label} was canceled`)
    } catch (error) {
      toast.error(`Could not cancel ${followup.flow_label}`, { description: errorMessage(error) })
    }
  }

  return (
    <Button
      size="small"
      variant="secondary"
      data-testid={`pp-followup-${followup.flow}-cancel`}
      isLoading={isPending}
      onClick={cancel}
    >
      Cancel
    </Button>
  )
}
