import { Button, Drawer, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage } from "../lib/api"
import { DrawerFooter } from "./drawer-footer"
import { FormField } from "./form-field"
import { TextAreaField } from "./text-area-field"
import { useAdjustLoyaltyPoints } from "../lib/loyalty-admin-api"
import { adjustmentBody, adjustmentFieldOf, type AdjustmentField } from "../lib/loyalty-settings"

const REASON_MAX = 500

/**
 * "Adjust points": an admin gives points (a positive number) or takes them
 * (a negative one), always with a reason, which the ledger keeps with the
 * admin's name. Taking more than the customer has available is refused.
 */
export const AdjustPointsDrawer = ({ customerId, available }: { customerId: string; available: number }) => {
  const [open, setOpen] = useState(false)
  const [points, setPoints] = useState("")
  const [reason, setReason] = useState("")
  const { mutateAsync, isPending, error, reset } = useAdjustLoyaltyPoints(customerId)

  // a 400 names its field: shown under it; anything else above the buttons
  const message = error ? errorMessage(error) : null
  const field = message ? adjustmentFieldOf(message) : undefined
  const errorFor = (name: AdjustmentField) => (field === name ? message!.replace(/^Invalid request: /, "") : null)

  const openChange = (next: boolean) => {
    setOpen(next)
    if (next) {
      setPoints("")
      setReason("")
      reset()
    }
  }

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value)
    if (error) reset()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const { entry } = await mutateAsync(adjustmentBody(points, reason))
      setOpen(false)
      toast.success(entry.points > 0 ? `${entry.points} points given` : `${-entry.points} points taken`, { description: entry.reason })
    } catch (err) {
      const text = errorMessage(err)
      if (!adjustmentFieldOf(text)) {
        toast.error("Could not adjust the points", { description: text })
      }
    }
  }

  return (
    <Drawer open={open} onOpenChange={openChange}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="pp-loyalty-adjust-open">
          Adjust points
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="pp-loyalty-adjust-form">
        <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title asChild>
              <Heading>Adjust points</Heading>
            </Drawer.Title>
            <Drawer.Description className="sr-only">Give or take this customer’s points, with the reason.</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              For goodwill or a correction. The points count as confirmed right away. The customer sees the reason in
              their points history, and it is kept with your name.
            </Text>
            <FormField
              label="Points"
              htmlFor="pp-loyalty-adjust-points"
              hint={`A positive number gives points, a negative one takes them (${available} available).`}
              error={errorFor("points")}
              errorTestId="pp-loyalty-adjust-points-error"
            >
              <Input
                id="pp-loyalty-adjust-points"
                data-testid="pp-loyalty-adjust-points"
                inputMode="numeric"
                placeholder="50 or -50"
                value={points}
                aria-invalid={!!errorFor("points")}
                onChange={(event) => edit(setPoints)(event.target.value)}
              />
            </FormField>
            <TextAreaField
              id="pp-loyalty-adjust-reason"
              testId="pp-loyalty-adjust-reason"
              label="Reason"
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              onChange={edit(setReason)}
              error={errorFor("reason")}
              hint="Required. For example: “Parcel arrived two weeks late”."
            />
            {message && !field && (
              <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pp-loyalty-adjust-error">
                {message}
              </Text>
            )}
          </Drawer.Body>
          <DrawerFooter submitTestId="pp-loyalty-adjust-submit" disabled={isPending} isLoading={isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
