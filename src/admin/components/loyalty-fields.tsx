import { Checkbox, Container, Heading, Hint, Input, Label, Select, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { FormField } from "./form-field"

/**
 * The loyalty settings page's parts: a section, and inputs that show the
 * server's message for their field in place of their hint. Each input's test
 * id is `pp-loyalty-<path with dashes>`, its error's the same with `-error`.
 */

export const testIdOf = (path: string) => `pp-loyalty-${path.replace(/[._]/g, "-")}`

export const Section = ({
  title,
  description,
  testId,
  action,
  children,
}: {
  title: string
  description: string
  testId: string
  action?: ReactNode
  children: ReactNode
}) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="flex items-start justify-between gap-x-4 px-6 py-4">
      <div>
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
    {children}
  </Container>
)

/** A settings field: labelled by its path in the settings, and its API error's test id with it. */
export const Field = ({
  path,
  label,
  hint,
  error,
  children,
}: {
  path: string
  label: string
  hint?: string
  error?: string
  children: ReactNode
}) => (
  <FormField label={label} htmlFor={testIdOf(path)} hint={hint} error={error} errorTestId={`${testIdOf(path)}-error`}>
    {children}
  </FormField>
)

type InputProps = {
  path: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
}

/** A number as typed: text, so a half-typed value is sent and refused at its field instead of lost. */
export const NumberField = ({ numeric = "decimal", ...props }: InputProps & { numeric?: "decimal" | "numeric" }) => (
  <TextField {...props} inputMode={numeric} />
)

export const TextField = ({
  path,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
  placeholder,
}: InputProps & { inputMode?: "decimal" | "numeric" | "text"; placeholder?: string }) => (
  <Field path={path} label={label} hint={hint} error={error}>
    <Input
      id={testIdOf(path)}
      data-testid={testIdOf(path)}
      size="small"
      value={value}
      inputMode={inputMode}
      placeholder={placeholder}
      aria-invalid={!!error}
      onChange={(event) => onChange(event.target.value)}
    />
  </Field>
)

export const SelectField = <T extends string>({
  path,
  label,
  value,
  options,
  onChange,
  error,
  hint,
}: {
  path: string
  label: string
  value: T
  options: { value: T; label: string }[]
  onChange: (value: T) => void
  error?: string
  hint?: string
}) => (
  <Field path={path} label={label} hint={hint} error={error}>
    <Select value={value} onValueChange={(next) => onChange(next as T)} size="small">
      <Select.Trigger id={testIdOf(path)} data-testid={testIdOf(path)} aria-invalid={!!error}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </Field>
)

export const CheckboxField = ({
  path,
  label,
  checked,
  onChange,
  error,
}: {
  path: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
}) => (
  <div className="flex flex-col gap-y-1">
    <div className="flex items-center gap-x-2">
      <Checkbox id={testIdOf(path)} data-testid={testIdOf(path)} checked={checked} onCheckedChange={(next) => onChange(next === true)} />
      <Label size="small" htmlFor={testIdOf(path)}>
        {label}
      </Label>
    </div>
    {error ? (
      <Hint variant="error" role="alert" data-testid={`${testIdOf(path)}-error`}>
        {error}
      </Hint>
    ) : null}
  </div>
)
