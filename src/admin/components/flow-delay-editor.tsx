import { Button, Input, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, useUpdateFlow } from "../lib/api"
import { ANCHOR_LABELS, DELAY_UNITS, DelayUnit, formatTiming, splitDelay, unitSeconds } from "../lib/format"
import type { FlowAnchor, FlowView } from "../lib/types"

/**
 * Edits when a flow's email goes out: a delay, as a number and a unit, and for
 * a marketing flow what it counts from (placed, shipped, delivered). A
 * transactional flow always counts from its own anchor, a reminder from the
 * flow it follows.
 */
export const FlowDelayEditor = ({ flow }: { flow: FlowView }) => {
  const initial = splitDelay(flow.delay_seconds)
  const [amount, setAmount] = useState(String(initial.amount))
  const [unit, setUnit] = useState<DelayUnit>(initial.unit)
  const [anchor, setAnchor] = useState<FlowAnchor>(flow.anchor)
  const { mutate, isPending, error, reset } = useUpdateFlow(flow.key)

  const parsed = amount.trim() === "" ? NaN : Number(amount)
  const delaySeconds = Math.round(parsed * unitSeconds(unit))
  const changed =
    Number.isFinite(delaySeconds) && (delaySeconds !== flow.delay_seconds || anchor !== flow.anchor)
  const id = `pp-flow-${flow.key}-delay`

  const save = () =>
    mutate(
      { delay_seconds: delaySeconds, ...(anchor !== flow.anchor ? { anchor } : {}) },
      {
        onSuccess: ({ flow: saved }) => {
          const next = splitDelay(saved.delay_seconds)
          setAmount(String(next.amount))
          setUnit(next.unit)
          setAnchor(saved.anchor)
          toast.success(`${flow.label} will be sent ${formatTiming(saved.delay_seconds, saved.anchor, saved.follows).toLowerCase()}`)
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
        {flow.category === "marketing" && !flow.follows && (
          <Select
            size="small"
            value={anchor}
            onValueChange={(value) => {
              setAnchor(value as FlowAnchor)
              reset()
            }}
          >
            <Select.Trigger data-testid={`pp-flow-${flow.key}-anchor`} aria-label={`What the delay of ${flow.label} counts from`} className="w-44">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(ANCHOR_LABELS) as FlowAnchor[]).map((value) => (
                <Select.Item key={value} value={value}>
                  after {ANCHOR_LABELS[value]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
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
          {formatTiming(flow.delay_seconds, flow.anchor, flow.follows)}
        </Text>
      )}
    </div>
  )
}
