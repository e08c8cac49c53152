import { Switch, toast } from "@medusajs/ui"
import { errorMessage, useUpdateFlow } from "../lib/api"
import type { FlowView } from "../lib/types"

/** Turns a flow on or off; saves as soon as it is flipped. */
export const FlowEnabledSwitch = ({ flow }: { flow: FlowView }) => {
  const { mutate, isPending, variables } = useUpdateFlow(flow.key)

  const onCheckedChange = (enabled: boolean) =>
    mutate(
      { enabled },
      {
        onSuccess: () =>
          toast.success(`${flow.label} is now ${enabled ? "on" : "off"}`),
        onError: (error) =>
          toast.error(`Could not update ${flow.label}`, { description: errorMessage(error) }),
      }
    )

  return (
    <Switch
      data-testid={`pp-flow-${flow.key}-enabled`}
      aria-label={`Enable ${flow.label}`}
      checked={isPending && variables?.enabled !== undefined ? variables.enabled : flow.enabled}
      disabled={isPending}
      onCheckedChange={onCheckedChange}
    />
  )
}
