import { Button, Label, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage, useLiftSuppression } from "../lib/api"
import type { SuppressionView } from "../lib/types"

const REASON_MAX = 500

type Props = {
  customerId: string
  suppression: SuppressionView
  /** "All marketing email", or the flow's name. */
  scopeLabel: string
}

/**
 * "Lift" for an active suppression: asks why (the reason is kept with the
 * admin's name), then lifts it. Marketing email may go out again unless
 * something else still stops it.
 */
export const LiftSuppressionButton = ({ customerId, suppression, scopeLabel }: Props) => {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const { mutateAsync, isPending, error, reset } = useLiftSuppression(customerId)
  const testId = `pp-suppression-${suppression.id}-lift`

  const openChange = (next: boolean) => {
    setOpen(next)
    if (next) {
      setReason("")
      reset()
    }
  }

  const lift = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await mutateAsync({ id: suppression.id, reason })
      setOpen(false)
      toast.success("Suppression lifted", { description: `${scopeLabel}: the customer is no longer suppressed.` })
    } catch {
      // the API's message is shown in the dialog, next to the reason it is usually about
    }
  }

  return (
    <Prompt variant="confirmation" open={open} onOpenChange={openChange}>
      <Prompt.Trigger asChild>
        <Button size="small" variant="secondary" data-testid={testId}>
          Lift
        </Button>
      </Prompt.Trigger>
      <Prompt.Content data-testid="pp-lift-suppression">
        <form onSubmit={lift}>
          <Prompt.Header>
            <Prompt.Title>Lift this suppression?</Prompt.Title>
            <Prompt.Description>
              {scopeLabel} may be sent to this customer again, unless something else stops it. Say why; the
              reason is kept with your name.
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pt-4">
            <Label size="small" weight="plus" htmlFor="pp-lift-suppression-reason">
              Reason
            </Label>
            <Textarea
              id="pp-lift-suppression-reason"
              data-testid="pp-lift-suppression-reason"
              rows={3}
              maxLength={REASON_MAX}
              placeholder="For example: the customer asked in the shop to get the newsletter again"
              value={reason}
              aria-invalid={!!error}
              onChange={(event) => {
                setReason(event.target.value)
                if (error) reset()
              }}
            />
            {error && (
              <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pp-lift-suppression-error">
                {errorMessage(error)}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Prompt.Cancel type="button">Cancel</Prompt.Cancel>
            <Button
              size="small"
              type="submit"
              data-testid="pp-lift-suppression-submit"
              disabled={!reason.trim() || isPending}
              isLoading={isPending}
            >
              Lift suppression
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
