import { Select, Text } from "@medusajs/ui"
import { EMAIL_LANGUAGES } from "../lib/languages"

/**
 * A choice of the languages the plugin writes, by their own names, with an
 * optional first option that stands for none of them (the shop's default, no
 * preference). Labelled visibly, or by `ariaLabel` where the heading says it.
 */
export const LanguageSelect = ({
  testId,
  value,
  onChange,
  none,
  label,
  ariaLabel,
  disabled,
}: {
  testId: string
  value: string
  onChange: (value: string) => void
  /** An option before the languages, e.g. `{ value: "none", label: "No preference" }`. */
  none?: { value: string; label: string }
  label?: string
  ariaLabel?: string
  disabled?: boolean
}) => (
  <div className="flex items-center gap-x-2">
    {label ? (
      <Text size="small" className="text-ui-fg-subtle" id={`${testId}-label`}>
        {label}
      </Text>
    ) : null}
    <div className="w-[200px]">
      <Select value={value} onValueChange={onChange} disabled={disabled}>
        <Select.Trigger
          data-testid={testId}
          aria-labelledby={label ? `${testId}-label` : undefined}
          aria-label={label ? undefined : ariaLabel}
        >
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {none ? <Select.Item value={none.value}>{none.label}</Select.Item> : null}
          {EMAIL_LANGUAGES.map(({ locale, label: name }) => (
            <Select.Item key={locale} value={locale}>
              {name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  </div>
)
