import { Hint, Label, Textarea } from "@medusajs/ui"

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
}: {
  id: string
  /** The box's test id; the error's is `${testId}-error`. */
  testId: string
  label: string
  value: string
  onChange: (value: string) => void
  error: string | null
  hint: string
}) => (
  <>
    <Label size="small" weight="plus" htmlFor={id}>
      {label}
    </Label>
    <Textarea id={id} data-testid={testId} rows={8} value={value} aria-invalid={!!error} onChange={(event) => onChange(event.target.value)} />
    {error ? (
      <Hint variant="error" role="alert" data-testid={`${testId}-error`}>
        {error}
      </Hint>
    ) : (
      <Hint>{hint}</Hint>
    )}
  </>
)
