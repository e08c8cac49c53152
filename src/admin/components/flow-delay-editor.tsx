import { Button, Input, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, useUpdateFlow } from "../lib/api"
import { DELAY_UNITS, DelayUnit, formatDelay, splitDelay, unitSeconds } from "../lib/format"
import type { FlowView } from "../lib/types"

/** Edits how long after the trigger a flow's email goes out, as a number and a unit. */
export const FlowDelayEditor = ({ flow }: { flow: FlowView }) => {
  const initial = splitDelay(flow.delay_seconds)
  const [amount, setAmount] = useState(String(initial.amount))
  const [unit, setUnit] = useState<DelayUnit>(initial.unit)
  const { mutate, isPending, error, reset } = useUpdateFlow(flow.key)

  const parsed = amount.trim() === "" ? NaN : Number(amount)
  const delaySeconds = Math.round(parsed * unitSeconds(unit))
  const changed = Number.isFinite(delaySeconds) && delaySeconds !== flow.delay_seconds
  const id = `pp-flow-${flow.key}-delay`

  const save = () =>
    mutate(
      { delay_seconds: delaySeconds },
      {
        onSuccess: ({ flow: saved }) => {
          const next = splitDelay(saved.delay_seconds)
          setAmount(String(next.amount))
          setUnit(next.unit)
          toast.success(`${flow.label} will be sent ${formatDelay(saved.delay_seconds).toLowerCase()}`)
        },
        onError: (err) =>
          toast.error(`Could not save the delay of ${flow.label}`, { description: errorMessage(err) }),
      }
    )

  return (
    <div className="flex flex-col gap-y-1">
      <form
        className="flex items-center gap-x-2"
        onSubmit={(event) => {
          event.preventDefault()
          if (changed) save()
        }}
      >
        <Input
          id={id}
          data-testid={id}
          aria-label={`Delay of ${flow.label}`}
          aria-invalid={!!error}
          type="number"
          step="any"
          size="small"
          className="w-20"
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value)
            reset()
          }}
        />
        <Select
          size="small"
          value={unit}
          onValueChange={(value) => {
            setUnit(value as DelayUnit)
            reset()
          }}
        >
          <Select.Trigger
            data-testid={`${id}-unit`}
            aria-label={`Delay unit of ${flow.label}`}
            className="w-28"
          >
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {DELAY_UNITS.map((u) => (
              <Select.Item key={u.value} value={u.value}>
                {u.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Button
          type="submit"
          size="small"
          variant="secondary"
          data-testid={`pp-flow-${flow.key}-save`}
          aria-label={`Save delay of ${flow.label}`}
          disabled={!changed || isPending}
          isLoading={isPending}
        >
          Save
        </Button>
      </form>
      {error ? (
        <Text size="xsmall" className="text-ui-fg-error" role="alert">
          {errorMessage(error)}
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {formatDelay(flow.delay_seconds)}
        </Text>
      )}
    </div>
  )
}
