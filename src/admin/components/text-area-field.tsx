import { Textarea } from "@medusajs/ui"
import { FormField } from "./form-field"

/**
 * A labelled plain-text box whose hint gives way to the server's 400 message
 * while there is one; typing clears it (`onChange` is where the caller
 * resets the mutation).
 */
export const TextAreaField = ({
  id,
  testId,
  label,
  value,
  onChange,
  error,
  hint,
  rows = 8,
  maxLength,
}: {
  id: string
  /** The box's test id; the error's is `${testId}-error`. */
  testId: string
  label: string
  value: string
  onChange: (value: string) => void
  error: string | null
  hint: string
  rows?: number
  maxLength?: number
}) => (
  <FormField label={label} htmlFor={id} hint={hint} error={error} errorTestId={`${testId}-error`}>
    <Textarea
      id={id}
      data-testid={testId}
      rows={rows}
      maxLength={maxLength}
      value={value}
      aria-invalid={!!error}
      onChange={(event) => onChange(event.target.value)}
    />
  </FormField>
)
