import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A labelled form control with its hint, which gives way to the server's
 * 400 message while there is one. Every drawer and settings form in the
 * plugin lays its fields out with it, so an error always shows the same way
 * at the field it names.
 */
export const FormField = ({
  label,
  htmlFor,
  hint,
  error,
  errorTestId,
  children,
}: {
  label: string
  /** The control's id, so the label focuses it. */
  htmlFor?: string
  hint?: ReactNode
  error?: string | null
  /** The error's test id, for the browser tests. */
  errorTestId?: string
  children: ReactNode
}) => (
  <div className="flex min-w-0 flex-col gap-y-2">
    <Label size="small" weight="plus" htmlFor={htmlFor}>
      {label}
    </Label>
    {children}
    {error ? (
      <Hint variant="error" role="alert" data-testid={errorTestId}>
        {error}
      </Hint>
    ) : hint ? (
      <Hint>{hint}</Hint>
    ) : null}
  </div>
)
