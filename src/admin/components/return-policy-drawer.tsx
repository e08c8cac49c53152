import { Trash } from "@medusajs/icons"
import { Button, Checkbox, Drawer, Heading, Hint, IconButton, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react"
import {
  EU_WITHDRAWAL_DAYS,
  MAX_RETURN_WINDOW_DAYS,
  REFUND_METHODS,
  RETURN_METHODS,
  WITHDRAWAL_EXCEPTIONS,
  type ProductSelector,
  type WithdrawalException,
} from "../../lib/return-policy"
import { errorMessage, useProductGroups, useReturnPolicyPreview, useSaveReturnPolicy } from "../lib/api"
import { EMAIL_LANGUAGES } from "../lib/languages"
import {
  bodyOf,
  emptySelector,
  feeCurrencies,
  fieldMessage,
  formErrors,
  formOf,
  policyFieldOf,
  REFUND_METHOD_LABELS,
  RETURN_METHOD_LABELS,
  WITHDRAWAL_EXCEPTION_LABELS,
  type PolicyField,
  type PolicyForm,
} from "../lib/return-policy"
import type { PolicyScope, ReturnPoliciesResponse, ReturnPolicyTerms } from "../lib/types"
import { DrawerFooter } from "./drawer-footer"
import { FormField } from "./form-field"
import { LanguageSelect } from "./language-select"

/** How long typing pauses before the preview is written again. */
const PREVIEW_DEBOUNCE_MS = 300

/** What the drawer edits: the store's policy, or an override (a new one has no scope_id yet). */
export interface PolicyTarget {
  scope: PolicyScope
  scope_id: string | null
  /** The terms the form starts from: the scope's version in force, or the store's for a new override. */
  terms: ReturnPolicyTerms
  /** No version of this scope exists yet. */
  isNew: boolean
}

/**
 * The returns-policy form in a drawer: every field of the terms, checked as
 * the admin types with the server's own rules, and a live preview of the
 * email's returns block. Saving makes the scope's next version.
 */
export const ReturnPolicyDrawer = ({
  target,
  data,
  onClose,
}: {
  /** Open while set. */
  target: PolicyTarget | null
  data: ReturnPoliciesResponse
  onClose: () => void
}) => (
  <Drawer open={!!target} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content className="sm:max-w-[1120px]" data-testid="pp-policy-drawer">
      {target ? <PolicyFormBody target={target} data={data} onSaved={onClose} /> : null}
    </Drawer.Content>
  </Drawer>
)

const titleOf = (target: PolicyTarget, data: ReturnPoliciesResponse) => {
  if (target.scope === "store") {
    return target.isNew ? "Set up returns policy" : "Edit returns policy"
  }
  if (target.isNew) {
    return "Add an override"
  }
  const name =
    target.scope === "region"
      ? data.regions.find((r) => r.id === target.scope_id)?.name
      : data.sales_channels.find((c) => c.id === target.scope_id)?.name
  return `Edit the override for ${name ?? target.scope_id}`
}

const PolicyFormBody = ({ target, data, onSaved }: { target: PolicyTarget; data: ReturnPoliciesResponse; onSaved: () => void }) => {
  const [form, setForm] = useState<PolicyForm>(() => formOf(target.terms, target.scope, target.scope_id))
  const [locale, setLocale] = useState<string>(EMAIL_LANGUAGES[0].locale)
  const save = useSaveReturnPolicy()

  const errors = useMemo(() => formErrors(form, data.regions), [form, data.regions])
  const valid = Object.keys(errors).length === 0

  // a 400 from the save names its field: shown under it until the admin edits the form
  const saveMessage = save.error ? errorMessage(save.error) : null
  const saveField = saveMessage ? policyFieldOf(saveMessage) : undefined
  const errorFor = (field: PolicyField) => {
    const message = errors[field] ?? (saveField === field ? saveMessage : null)
    return message ? fieldMessage(message, field) : null
  }

  const edit = (patch: Partial<PolicyForm>) => {
    setForm((current) => ({ ...current, ...patch }))
    if (save.error) save.reset()
  }

  const body = useMemo(() => bodyOf(form), [form])
  // the preview is asked for drafts that pass the form's checks; the last good one stays meanwhile
  const typed = useDebouncedValue(useMemo(() => ({ form, locale }), [form, locale]), PREVIEW_DEBOUNCE_MS)
  const draft = useMemo(() => {
    // a new override shows the block in the store's currency until its region or sales channel is chosen
    const shown: PolicyForm = typed.form.scope !== "store" && !typed.form.scope_id ? { ...typed.form, scope: "store" } : typed.form
    return { body: { ...bodyOf(shown), locale: typed.locale }, valid: Object.keys(formErrors(shown, data.regions)).length === 0 }
  }, [typed, data.regions])
  const preview = useReturnPolicyPreview(draft.body, draft.valid)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid) {
      return
    }
    try {
      const { policy } = await save.mutateAsync(body)
      toast.success("Returns policy saved", {
        description: `Version ${policy.version} applies to orders placed from now on; earlier orders keep theirs.`,
      })
      onSaved()
    } catch (err) {
      // a message about a field is shown under it; a toast would cover the form's buttons
      const text = errorMessage(err)
      if (!policyFieldOf(text)) {
        toast.error("Could not save the returns policy", { description: text })
      }
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="pp-policy-form" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{titleOf(target, data)}</Heading>
        </Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          Saving makes a new version. Orders placed before keep the version they were sold under.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto lg:flex-row lg:overflow-hidden">
        <div className="flex flex-col gap-y-6 lg:w-1/2 lg:overflow-y-auto lg:pr-2">
          {target.scope !== "store" ? <ScopeField target={target} form={form} data={data} error={errorFor("scope_id")} onChange={edit} /> : null}

          <Field
            label="Return window (days)"
            htmlFor="pp-policy-window"
            hint={`Counted from delivery, never from the order date. 0 means items can’t be returned; at most ${MAX_RETURN_WINDOW_DAYS}.${
              data.regions.some((r) => r.eu) ? ` EU customers are owed at least ${EU_WITHDRAWAL_DAYS} days.` : ""
            }`}
            error={errorFor("window_days")}
            testId="window_days"
          >
            <Input
              id="pp-policy-window"
              data-testid="pp-policy-window"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_RETURN_WINDOW_DAYS}
              value={form.window_days}
              aria-invalid={!!errorFor("window_days")}
              onChange={(event) => edit({ window_days: event.target.value })}
            />
          </Field>

          <FeeFields form={form} data={data} error={errorFor("return_fees")} onChange={edit} />

          <Field label="How items come back" error={errorFor("return_methods")} testId="return_methods">
            <CheckboxList
              idPrefix="pp-policy-method"
              options={RETURN_METHODS.map((value) => ({ value, label: RETURN_METHOD_LABELS[value] }))}
              value={form.return_methods}
              onChange={(return_methods) => edit({ return_methods })}
            />
          </Field>

          <Field label="Refund" error={errorFor("refund_methods")} testId="refund_methods">
            <CheckboxList
              idPrefix="pp-policy-refund"
              options={REFUND_METHODS.map((value) => ({ value, label: REFUND_METHOD_LABELS[value] }))}
              value={form.refund_methods}
              onChange={(refund_methods) => edit({ refund_methods })}
            />
          </Field>

          <Field
            label="Days to refund"
            htmlFor="pp-policy-refund-days"
            hint="How long a refund takes once the items are back. In the EU, at most 14 days after a withdrawal."
            error={errorFor("refund_days")}
            testId="refund_days"
          >
            <Input
              id="pp-policy-refund-days"
              data-testid="pp-policy-refund-days"
              type="number"
              inputMode="numeric"
              min={0}
              value={form.refund_days}
              aria-invalid={!!errorFor("refund_days")}
              onChange={(event) => edit({ refund_days: event.target.value })}
            />
          </Field>

          <ConditionsField conditions={form.conditions} error={errorFor("conditions")} onChange={(conditions) => edit({ conditions })} />

          <Field
            label="Can’t be returned"
            hint="Products the shop does not take back, by tag, type or collection. EU customers keep their 14-day right unless an Article 16 exception below applies."
            error={errorFor("exclusions")}
            testId="exclusions"
          >
            <ProductGroupPicker
              testId="pp-policy-exclusions"
              value={form.exclusions}
              onChange={(exclusions) => edit({ exclusions })}
            />
          </Field>

          <ExceptionsField
            rules={form.withdrawal_exceptions}
            error={errorFor("withdrawal_exceptions")}
            onChange={(withdrawal_exceptions) => edit({ withdrawal_exceptions })}
          />

          <Field
            label="Policy text (Markdown)"
            htmlFor="pp-policy-markdown"
            hint="The longer text for the storefront’s returns page."
            error={errorFor("details_markdown")}
            testId="details_markdown"
          >
            <Textarea
              id="pp-policy-markdown"
              data-testid="pp-policy-markdown"
              rows={6}
              value={form.details_markdown}
              aria-invalid={!!errorFor("details_markdown")}
              onChange={(event) => edit({ details_markdown: event.target.value })}
            />
          </Field>

          <Field
            label="Full policy page"
            htmlFor="pp-policy-url"
            hint="The storefront page with the whole policy; the email links to it."
            error={errorFor("policy_url")}
            testId="policy_url"
          >
            <Input
              id="pp-policy-url"
              data-testid="pp-policy-url"
              type="url"
              placeholder="https://shop.example/returns"
              value={form.policy_url}
              aria-invalid={!!errorFor("policy_url")}
              onChange={(event) => edit({ policy_url: event.target.value })}
            />
          </Field>

          {saveMessage && !saveField ? (
            <Hint variant="error" role="alert" data-testid="pp-policy-error">
              {saveMessage}
            </Hint>
          ) : null}
        </div>

        <PolicyPreview
          html={preview.data?.html}
          fetching={preview.isFetching}
          failed={preview.isError ? errorMessage(preview.error) : null}
          stale={!draft.valid}
          locale={locale}
          onLocaleChange={setLocale}
        />
      </Drawer.Body>
      <DrawerFooter submitTestId="pp-policy-save" disabled={!valid || save.isPending} isLoading={save.isPending} />
    </form>
  )
}

/** An override's region or sales channel: chosen for a new one, fixed once saved. */
const ScopeField = ({
  target,
  form,
  data,
  error,
  onChange,
}: {
  target: PolicyTarget
  form: PolicyForm
  data: ReturnPoliciesResponse
  error: string | null
  onChange: (patch: Partial<PolicyForm>) => void
}) => {
  const taken = new Set(data.policies.map((policy) => policy.scope_id).filter(Boolean))
  const options = [
    ...data.regions.map((region) => ({ value: `region:${region.id}`, label: `Region · ${region.name}`, id: region.id })),
    ...data.sales_channels.map((channel) => ({ value: `sales_channel:${channel.id}`, label: `Sales channel · ${channel.name}`, id: channel.id })),
  ].filter((option) => !target.isNew || !taken.has(option.id))
  const value = form.scope_id ? `${form.scope}:${form.scope_id}` : ""

  return (
    <Field
      label="Applies to"
      htmlFor="pp-policy-scope"
      hint="Orders in this region or sales channel follow this policy instead of the store’s."
      error={error}
      testId="scope_id"
    >
      <Select
        value={value}
        disabled={!target.isNew}
        onValueChange={(next) => {
          const [scope, scopeId] = next.split(":") as [PolicyScope, string]
          onChange({ scope, scope_id: scopeId })
        }}
      >
        <Select.Trigger id="pp-policy-scope" data-testid="pp-policy-scope" aria-invalid={!!error}>
          <Select.Value placeholder="Choose a region or sales channel" />
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
}

/** Free returns, or the return shipping fee in each currency the scope sells in. */
const FeeFields = ({
  form,
  data,
  error,
  onChange,
}: {
  form: PolicyForm
  data: ReturnPoliciesResponse
  error: string | null
  onChange: (patch: Partial<PolicyForm>) => void
}) => {
  const currencies = feeCurrencies(form, data)

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center gap-x-2">
        <Switch
          id="pp-policy-free-returns"
          data-testid="pp-policy-free-returns"
          checked={form.free_returns}
          onCheckedChange={(free_returns) => onChange({ free_returns })}
        />
        <Label size="small" weight="plus" htmlFor="pp-policy-free-returns">
          Free returns
        </Label>
      </div>
      {form.free_returns ? null : (
        <Field
          label="Return shipping fee"
          hint="What the customer pays to send items back, per currency. Leave a currency empty when it has no fee."
          error={error}
          testId="return_fees"
        >
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {currencies.map((code) => (
              <div key={code} className="flex items-center gap-x-2">
                <Label size="small" htmlFor={`pp-policy-fee-${code}`} className="w-10 shrink-0 uppercase">
                  {code}
                </Label>
                <Input
                  id={`pp-policy-fee-${code}`}
                  data-testid={`pp-policy-fee-${code}`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  value={form.fees[code] ?? ""}
                  aria-invalid={!!error}
                  onChange={(event) => onChange({ fees: { ...form.fees, [code]: event.target.value } })}
                />
              </div>
            ))}
          </div>
        </Field>
      )}
    </div>
  )
}

const CheckboxList = <T extends string>({
  idPrefix,
  options,
  value,
  onChange,
}: {
  idPrefix: string
  options: { value: T; label: string }[]
  value: T[]
  onChange: (value: T[]) => void
}) => (
  <div className="flex flex-wrap gap-x-6 gap-y-2">
    {options.map((option) => {
      const id = `${idPrefix}-${option.value}`
      return (
        <div key={option.value} className="flex items-center gap-x-2">
          <Checkbox
            id={id}
            data-testid={id}
            checked={value.includes(option.value)}
            onCheckedChange={(checked) =>
              // kept in the options' order, so a save that changes nothing changes nothing
              onChange(options.map((o) => o.value).filter((v) => (v === option.value ? checked === true : value.includes(v))))
            }
          />
          <Label size="small" htmlFor={id}>
            {option.label}
          </Label>
        </div>
      )
    })}
  </div>
)

/** The conditions, one line each: added, edited and removed in place. */
const ConditionsField = ({
  conditions,
  error,
  onChange,
}: {
  conditions: string[]
  error: string | null
  onChange: (conditions: string[]) => void
}) => (
  <Field label="Conditions" hint="What returned items must be like, e.g. “Unused, with the labels still on”." error={error} testId="conditions">
    <div className="flex flex-col gap-y-2" data-testid="pp-policy-conditions">
      {conditions.map((condition, index) => (
        <div key={index} className="flex items-center gap-x-2">
          <div className="flex-1">
            <Input
              data-testid={`pp-policy-condition-${index}`}
              aria-label={`Condition ${index + 1}`}
              value={condition}
              autoFocus={index === conditions.length - 1 && condition === ""}
              aria-invalid={!!error}
              onChange={(event) => onChange(conditions.map((c, i) => (i === index ? event.target.value : c)))}
            />
          </div>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={`Remove condition ${index + 1}`}
            data-testid={`pp-policy-condition-${index}-remove`}
            onClick={() => onChange(conditions.filter((_, i) => i !== index))}
          >
            <Trash />
          </IconButton>
        </div>
      ))}
      <div>
        <Button size="small" variant="secondary" type="button" data-testid="pp-policy-condition-add" onClick={() => onChange([...conditions, ""])}>
          Add condition
        </Button>
      </div>
    </div>
  </Field>
)

type ExceptionRule = ProductSelector & { exception: WithdrawalException }

/** The Article 16 exceptions: per exception, the products (by tag, type or collection) it covers. */
const ExceptionsField = ({
  rules,
  error,
  onChange,
}: {
  rules: ExceptionRule[]
  error: string | null
  onChange: (rules: ExceptionRule[]) => void
}) => {
  const unused = WITHDRAWAL_EXCEPTIONS.filter((exception) => !rules.some((rule) => rule.exception === exception))

  return (
    <Field
      label="Article 16 exceptions"
      hint="Products without the EU’s right of withdrawal (Directive 2011/83/EU, Article 16), such as personalised or perishable goods. They can’t be returned."
      error={error}
      testId="withdrawal_exceptions"
    >
      <div className="flex flex-col gap-y-3" data-testid="pp-policy-exceptions">
        {rules.map((rule, index) => (
          <div key={index} className="flex flex-col gap-y-2 rounded-lg border p-3" data-testid={`pp-policy-exception-${index}`}>
            <div className="flex items-center gap-x-2">
              <Select
                value={rule.exception}
                onValueChange={(exception) =>
                  onChange(rules.map((r, i) => (i === index ? { ...r, exception: exception as WithdrawalException } : r)))
                }
              >
                <Select.Trigger aria-label={`Exception ${index + 1}`}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {WITHDRAWAL_EXCEPTIONS.filter((exception) => exception === rule.exception || unused.includes(exception)).map((exception) => (
                    <Select.Item key={exception} value={exception}>
                      {WITHDRAWAL_EXCEPTION_LABELS[exception]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <IconButton
                type="button"
                size="small"
                variant="transparent"
                aria-label={`Remove exception ${index + 1}`}
                onClick={() => onChange(rules.filter((_, i) => i !== index))}
              >
                <Trash />
              </IconButton>
            </div>
            <ProductGroupPicker
              testId={`pp-policy-exception-${index}-groups`}
              value={rule}
              onChange={(selector) => onChange(rules.map((r, i) => (i === index ? { ...selector, exception: r.exception } : r)))}
            />
          </div>
        ))}
        <div>
          <Button
            size="small"
            variant="secondary"
            type="button"
            data-testid="pp-policy-exception-add"
            disabled={!unused.length}
            onClick={() => onChange([...rules, { ...emptySelector(), exception: unused[0] }])}
          >
            Add exception
          </Button>
        </div>
      </div>
    </Field>
  )
}

const GROUPS: { key: "tag_ids" | "type_ids" | "collection_ids"; source: "tags" | "types" | "collections"; title: string; none: string }[] = [
  { key: "tag_ids", source: "tags", title: "Tags", none: "No product tags yet" },
  { key: "type_ids", source: "types", title: "Types", none: "No product types yet" },
  { key: "collection_ids", source: "collections", title: "Collections", none: "No collections yet" },
]

/** Ticks the shop's product tags, types and collections; products picked by id (through the API) are kept as they are. */
const ProductGroupPicker = ({
  testId,
  value,
  onChange,
}: {
  testId: string
  value: ProductSelector
  onChange: (value: ProductSelector) => void
}) => {
  const { data, isPending, isError, error } = useProductGroups()

  if (isPending) {
    return <Text size="small" className="text-ui-fg-subtle">Loading tags, types and collections…</Text>
  }
  if (isError) {
    return (
      <Hint variant="error" role="alert">
        Could not load the tags, types and collections: {errorMessage(error)}
      </Hint>
    )
  }
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {GROUPS.map((group) => {
          const options = data[group.source]
          // an id the lists no longer hold (a deleted tag) stays visible, so it can be unticked
          const known = new Set(options.map((option) => option.id))
          const shown = [...options, ...value[group.key].filter((id) => !known.has(id)).map((id) => ({ id, label: id }))]
          return (
            <fieldset key={group.key} className="flex flex-col gap-y-1">
              <legend className="txt-small-plus text-ui-fg-subtle mb-1">{group.title}</legend>
              {shown.length === 0 ? (
                <Text size="small" className="text-ui-fg-muted">
                  {group.none}
                </Text>
              ) : (
                <div className="flex max-h-40 flex-col gap-y-1 overflow-y-auto">
                  {shown.map((option) => {
                    const id = `${testId}-${option.id}`
                    const checked = value[group.key].includes(option.id)
                    return (
                      <div key={option.id} className="flex items-center gap-x-2">
                        <Checkbox
                          id={id}
                          data-testid={id}
                          checked={checked}
                          onCheckedChange={(next) =>
                            onChange({
                              ...value,
                              [group.key]: next === true ? [...value[group.key], option.id] : value[group.key].filter((v) => v !== option.id),
                            })
                          }
                        />
                        <Label size="small" htmlFor={id}>
                          {option.label}
                        </Label>
                      </div>
                    )
                  })}
                </div>
              )}
            </fieldset>
          )
        })}
      </div>
      {value.product_ids.length ? (
        <Text size="small" className="text-ui-fg-subtle">
          Also {value.product_ids.length} product{value.product_ids.length === 1 ? "" : "s"} picked by id.
        </Text>
      ) : null}
    </div>
  )
}

/** The email's returns block with the draft terms, in a sandboxed frame; the last good one stays while the form has errors. */
const PolicyPreview = ({
  html,
  fetching,
  failed,
  stale,
  locale,
  onLocaleChange,
}: {
  html?: string
  fetching: boolean
  failed: string | null
  stale: boolean
  locale: string
  onLocaleChange: (locale: string) => void
}) => {
  const lastGood = useRef<string>()
  if (html) {
    lastGood.current = html
  }
  const shown = html ?? lastGood.current

  return (
    <div className="flex min-h-[520px] flex-col gap-y-3 lg:min-h-0 lg:w-1/2" aria-busy={fetching} data-testid="pp-policy-preview">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h3">In the order confirmation</Heading>
        <LanguageSelect testId="pp-policy-preview-language" label="Language" value={locale} onChange={onLocaleChange} />
      </div>
      {stale || failed ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-policy-preview-stale">
          {failed ? `The preview could not be updated: ${failed}` : "Fix the fields marked in red to update the preview."}
        </Text>
      ) : null}
      {shown ? (
        <iframe
          data-testid="pp-policy-preview-frame"
          title="Returns policy in the order confirmation"
          sandbox=""
          srcDoc={shown}
          className="min-h-[480px] w-full flex-1 rounded-lg border bg-white"
        />
      ) : (
        <Text className="text-ui-fg-subtle">Loading preview…</Text>
      )}
    </div>
  )
}

const Field = ({
  label,
  htmlFor,
  hint,
  error,
  testId,
  children,
}: {
  label: string
  htmlFor?: string
  hint?: string
  error: string | null
  /** The field's name in the API, for the error's test id. */
  testId: PolicyField
  children: ReactNode
}) => (
  <FormField label={label} htmlFor={htmlFor} hint={hint} error={error} errorTestId={`pp-policy-${testId}-error`}>
    {children}
  </FormField>
)

/** The value once it has stopped changing for `ms`. */
function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}
