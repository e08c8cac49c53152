import { Badge, Button, FocusModal, Heading, Input, Label, Prompt, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react"
import {
  errorMessage,
  useDraftPreview,
  useFlowCopy,
  useRecentOrders,
  useResetFlowCopy,
  useRestoreFlowCopy,
  useSaveFlowCopy,
  useSendTestEmail,
  useUsers,
} from "../lib/api"
import { adminIdsOf } from "../lib/consent"
import { copyFieldOf, copyTexts, overriddenTexts, versionActionLabel } from "../lib/copy"
import { formatDateInText } from "../lib/format"
import { EMAIL_LANGUAGES, languageLabel } from "../lib/languages"
import { LanguageSelect } from "./language-select"
import { COPY_FIELD_NAMES, type CopyFieldName, type CopyVersionView, type FlowCopy, type FlowPreview, type FlowView } from "../lib/types"

/** How long typing pauses before the preview is rendered again. */
const PREVIEW_DEBOUNCE_MS = 300

/**
 * "Edit copy": the flow's subject, preview text, heading, intro and button
 * label per language, with a live preview of the unsaved text, the versions
 * (any can be restored) and a test email. The modal's content only mounts
 * while open, so nothing is fetched before.
 */
export const FlowCopyEditor = ({ flow }: { flow: FlowView }) => {
  const [open, setOpen] = useState(false)

  return (
    <FocusModal open={open} onOpenChange={setOpen}>
      <FocusModal.Trigger asChild>
        <Button
          size="small"
          variant="secondary"
          data-testid={`pp-copy-${flow.key}-open`}
          aria-label={`Edit the copy of ${flow.label}`}
        >
          Edit copy
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content data-testid="pp-copy">
        <FocusModal.Header>
          <Text size="small" className="text-ui-fg-subtle">
            The preview uses sample order data
          </Text>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col overflow-hidden">
          <CopyEditorBody flow={flow} />
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

const CopyEditorBody = ({ flow }: { flow: FlowView }) => {
  const [locale, setLocale] = useState<string>(EMAIL_LANGUAGES[0].locale)
  // the test email's address outlives the form, which starts again with each new version
  const [testTo, setTestTo] = useState("")
  const { data, isPending, isError, error } = useFlowCopy(flow.key, locale)

  return (
    <div className="flex flex-1 flex-col gap-y-4 overflow-hidden px-6 py-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-y-1">
          <FocusModal.Title asChild>
            <Heading level="h2">Edit copy: {flow.label}</Heading>
          </FocusModal.Title>
          <FocusModal.Description className="txt-small text-ui-fg-subtle">
            Change the texts of this email for each language. Your text replaces ours until you reset it.
          </FocusModal.Description>
        </div>
        <LanguageSelect testId="pp-copy-language" label="Language" value={locale} onChange={setLocale} />
      </div>

      {isPending ? (
        <Text className="text-ui-fg-subtle">Loading the copy…</Text>
      ) : isError ? (
        <Text className="text-ui-fg-error" role="alert">
          Could not load the copy: {errorMessage(error)}
        </Text>
      ) : (
        // a new version (saved, reset or restored) starts the form again from the copy in use
        <CopyForm
          key={`${locale}:${data.copy.versions[0]?.version ?? 0}`}
          flow={flow}
          locale={locale}
          copy={data.copy}
          testTo={testTo}
          onTestToChange={setTestTo}
        />
      )}
    </div>
  )
}

type Texts = Record<CopyFieldName, string>

type CopyFormProps = {
  flow: FlowView
  locale: string
  copy: FlowCopy
  testTo: string
  onTestToChange: (to: string) => void
}

const CopyForm = ({ flow, locale, copy, testTo, onTestToChange }: CopyFormProps) => {
  const saved = useMemo(() => copyTexts(copy), [copy])
  const [texts, setTexts] = useState<Texts>(saved)
  const dirty = COPY_FIELD_NAMES.some((name) => texts[name] !== saved[name])
  const language = languageLabel(locale)

  const draft = useDebouncedValue(useMemo(() => ({ locale, copy: texts }), [locale, texts]), PREVIEW_DEBOUNCE_MS)
  const preview = useDraftPreview(flow.key, draft)
  const save = useSaveFlowCopy(flow.key)

  // the draft preview's 400 is about the text being typed; the save's about the text sent
  const saveMessage = save.error ? errorMessage(save.error) : null
  const previewMessage = preview.isError ? errorMessage(preview.error) : null
  const message = saveMessage ?? previewMessage
  const field = message ? copyFieldOf(message) : undefined

  const edit = (name: CopyFieldName, value: string) => {
    setTexts((current) => ({ ...current, [name]: value }))
    if (save.error) save.reset()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const { copy: next } = await save.mutateAsync({ locale, fields: overriddenTexts(copy, texts) })
      toast.success("Copy saved", {
        description: `Version ${next.versions[0]?.version} is used for ${language} emails from now on.`,
      })
    } catch (err) {
      // a message about a field is shown under it
      const text = errorMessage(err)
      if (!copyFieldOf(text)) {
        toast.error("Could not save the copy", { description: text })
      }
    }
  }

  return (
    <div
      className="flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto lg:flex-row lg:overflow-hidden"
      data-testid="pp-copy-form"
      data-locale={copy.locale}
      data-language={copy.language}
    >
      <div className="flex flex-col gap-y-6 lg:w-1/2 lg:overflow-y-auto lg:pr-2">
        <form onSubmit={submit} className="flex flex-col gap-y-4">
          {COPY_FIELD_NAMES.map((name) => {
            const fieldView = copy.fields[name]
            const id = `pp-copy-field-${name}`
            const error = field === name ? message : null
            const props = {
              id,
              "data-testid": id,
              value: texts[name],
              maxLength: fieldView.max_length,
              "aria-invalid": !!error,
              onChange: (event: { target: { value: string } }) => edit(name, event.target.value),
            }
            return (
              <div key={name} className="flex flex-col gap-y-2">
                <div className="flex items-center justify-between gap-x-2">
                  <div className="flex items-center gap-x-2">
                    <Label size="small" weight="plus" htmlFor={id}>
                      {fieldView.label}
                    </Label>
                    {fieldView.overridden && (
                      <Badge size="2xsmall" color="blue" data-testid={`${id}-overridden`}>
                        Custom
                      </Badge>
                    )}
                  </div>
                  {texts[name].trim() !== fieldView.default && (
                    <Button
                      size="small"
                      variant="transparent"
                      type="button"
                      data-testid={`${id}-default`}
                      onClick={() => edit(name, fieldView.default)}
                    >
                      Use the default text
                    </Button>
                  )}
                </div>
                {name === "intro" ? <Textarea rows={5} {...props} /> : <Input {...props} />}
                {error && (
                  <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`${id}-error`}>
                    {error}
                  </Text>
                )}
              </div>
            )
          })}

          {message && !field && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pp-copy-error">
              {message}
            </Text>
          )}

          <div className="flex items-center gap-x-2">
            <Button
              size="small"
              type="submit"
              data-testid="pp-copy-save"
              disabled={!dirty || save.isPending}
              isLoading={save.isPending}
            >
              Save
            </Button>
            <Button size="small" variant="secondary" type="button" disabled={!dirty} onClick={() => setTexts(saved)}>
              Discard changes
            </Button>
            <ResetCopyButton flowKey={flow.key} locale={locale} copy={copy} language={language} />
          </div>
        </form>

        <Variables copy={copy} />
        <TestEmail flowKey={flow.key} locale={locale} language={language} dirty={dirty} to={testTo} onToChange={onTestToChange} />
        <Versions flowKey={flow.key} locale={locale} versions={copy.versions} />
      </div>

      <DraftPreview flow={flow} preview={preview.data} fetching={preview.isFetching} />
    </div>
  )
}

/** The preview of the text being typed; the last good one stays while a text is invalid. */
const DraftPreview = ({ flow, preview, fetching }: { flow: FlowView; preview?: FlowPreview; fetching: boolean }) => {
  const lastGood = useRef<FlowPreview>()
  if (preview) {
    lastGood.current = preview
  }
  const shown = preview ?? lastGood.current

  return (
    <div className="flex min-h-[560px] flex-col gap-y-3 lg:min-h-0 lg:w-1/2" aria-busy={fetching}>
      {shown ? (
        <>
          <Text data-testid="pp-copy-preview-subject">
            <span className="text-ui-fg-subtle">Subject: </span>
            <span className="font-medium">{shown.subject}</span>
          </Text>
          <iframe
            data-testid="pp-copy-preview-frame"
            title={`${flow.label} email preview`}
            sandbox=""
            srcDoc={shown.html}
            className="min-h-[480px] w-full flex-1 rounded-lg border bg-white"
          />
        </>
      ) : (
        <Text className="text-ui-fg-subtle">Loading preview…</Text>
      )}
    </div>
  )
}

/** "Reset to default" asks first: every field of this language goes back to our text. */
const ResetCopyButton = ({
  flowKey,
  locale,
  copy,
  language,
}: {
  flowKey: string
  locale: string
  copy: FlowCopy
  language: string
}) => {
  const reset = useResetFlowCopy(flowKey)
  const overridden = COPY_FIELD_NAMES.some((name) => copy.fields[name].overridden)

  const confirm = async () => {
    try {
      await reset.mutateAsync({ locale })
      toast.success("Copy reset", { description: `${language} emails use the default text again.` })
    } catch (err) {
      toast.error("Could not reset the copy", { description: errorMessage(err) })
    }
  }

  return (
    <Prompt>
      <Prompt.Trigger asChild>
        <Button
          size="small"
          variant="secondary"
          type="button"
          data-testid="pp-copy-reset"
          disabled={!overridden || reset.isPending}
          isLoading={reset.isPending}
        >
          Reset to default
        </Button>
      </Prompt.Trigger>
      <Prompt.Content data-testid="pp-copy-reset-prompt">
        <Prompt.Header>
          <Prompt.Title>Reset to the default text?</Prompt.Title>
          <Prompt.Description>
            Every field of the {language} email goes back to our text. Your text is kept in the versions, so you can
            restore it.
          </Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Prompt.Action data-testid="pp-copy-reset-confirm" onClick={confirm}>
            Reset to default
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

const Variables = ({ copy }: { copy: FlowCopy }) => (
  <div className="flex flex-col gap-y-2" data-testid="pp-copy-variables">
    <Heading level="h3">Variables</Heading>
    <Text size="small" className="text-ui-fg-subtle">
      Write these in any field; each email fills them in. Nothing else is interpreted: HTML shows as typed.
    </Text>
    <ul className="flex flex-col gap-y-1">
      {copy.variables.map((variable) => (
        <li key={variable.name} className="txt-small flex gap-x-2">
          <code className="bg-ui-bg-subtle shrink-0 rounded px-1 font-mono">{variable.token}</code>
          <span className="text-ui-fg-subtle">{variable.description}</span>
        </li>
      ))}
    </ul>
  </div>
)

const SAMPLE_DATA = "sample"

/** Sends the email with the copy in use to an address the admin types, filled with a recent order or sample data. */
type TestEmailProps = {
  flowKey: string
  locale: string
  language: string
  dirty: boolean
  to: string
  onToChange: (to: string) => void
}

const TestEmail = ({ flowKey, locale, language, dirty, to, onToChange }: TestEmailProps) => {
  const [orderId, setOrderId] = useState(SAMPLE_DATA)
  const { data: orderData } = useRecentOrders()
  const send = useSendTestEmail(flowKey)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const { test_email } = await send.mutateAsync({
        to,
        locale,
        ...(orderId === SAMPLE_DATA ? {} : { order_id: orderId }),
      })
      toast.success("Test email sent", { description: `“${test_email.subject}” to ${test_email.to}` })
    } catch {
      // the API's message (usually about the address) is shown under the form
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-2" data-testid="pp-copy-test">
      <Heading level="h3">Send a test email</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Sends the {language} email with the saved copy{dirty ? " (save first to send your changes)" : ""}. No customer
        gets it.
      </Text>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="pp-copy-test-to">
            To
          </Label>
          <Input
            id="pp-copy-test-to"
            data-testid="pp-copy-test-to"
            type="email"
            placeholder="you@example.com"
            value={to}
            aria-invalid={!!send.error}
            onChange={(event) => {
              onToChange(event.target.value)
              if (send.error) send.reset()
            }}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" id="pp-copy-test-order-label">
            Filled with
          </Label>
          <Select value={orderId} onValueChange={setOrderId}>
            <Select.Trigger data-testid="pp-copy-test-order" aria-labelledby="pp-copy-test-order-label">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={SAMPLE_DATA}>Sample data</Select.Item>
              {(orderData?.orders ?? []).map((order) => (
                <Select.Item key={order.id} value={order.id}>
                  Order #{order.display_id}
                  {order.email ? ` · ${order.email}` : ""}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {send.error && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pp-copy-test-error">
          {errorMessage(send.error)}
        </Text>
      )}
      <div>
        <Button
          size="small"
          variant="secondary"
          type="submit"
          data-testid="pp-copy-test-send"
          disabled={!to.trim() || send.isPending}
          isLoading={send.isPending}
        >
          Send test email
        </Button>
      </div>
    </form>
  )
}

/** Every version of this language's copy, newest first (the copy in use); any earlier one can be restored. */
const Versions = ({ flowKey, locale, versions }: { flowKey: string; locale: string; versions: CopyVersionView[] }) => {
  const restore = useRestoreFlowCopy(flowKey)
  const adminIds = useMemo(() => adminIdsOf(versions.map((v) => v.created_by)), [versions])
  const { data: userData } = useUsers(adminIds)
  const admins = useMemo(
    () =>
      new Map(
        (userData?.users ?? []).map((user) => [user.id, [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email])
      ),
    [userData]
  )
  const who = (actor: string) => (actor.startsWith("user:") ? admins.get(actor.slice(5)) ?? `Admin ${actor.slice(5)}` : actor)

  const restoreVersion = async (version: number) => {
    try {
      const { copy } = await restore.mutateAsync({ locale, version })
      toast.success(`Version ${version} restored`, { description: `It is in use as version ${copy.versions[0]?.version}.` })
    } catch (err) {
      toast.error(`Could not restore version ${version}`, { description: errorMessage(err) })
    }
  }

  return (
    <div className="flex flex-col gap-y-2">
      <Heading level="h3">Versions</Heading>
      {versions.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-copy-versions">
          No changes yet: this language uses the default text.
        </Text>
      ) : (
        <ul className="flex flex-col divide-y rounded-lg border" data-testid="pp-copy-versions">
          {versions.map((version, index) => {
            const changed = COPY_FIELD_NAMES.filter((name) => version.fields[name] !== undefined)
            return (
              <li
                key={version.version}
                className="flex items-start justify-between gap-x-4 px-3 py-2"
                data-testid={`pp-copy-version-${version.version}`}
              >
                <div className="flex flex-col">
                  <Text size="small" weight="plus">
                    Version {version.version} · {versionActionLabel(version.action, version.restored_from)}
                    {index === 0 && (
                      <Badge size="2xsmall" color="green" className="ml-2">
                        In use
                      </Badge>
                    )}
                  </Text>
                  <Text size="small" className="text-ui-fg-subtle">
                    {formatDateInText(version.created_at)} by{" "}
                    <span data-testid={`pp-copy-version-${version.version}-by`}>{who(version.created_by)}</span>
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {changed.length === 0 ? "Default text" : `Custom: ${changed.join(", ")}`}
                  </Text>
                </div>
                {index > 0 && (
                  <Button
                    size="small"
                    variant="secondary"
                    data-testid={`pp-copy-restore-${version.version}`}
                    disabled={restore.isPending}
                    onClick={() => restoreVersion(version.version)}
                  >
                    Restore
                  </Button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

/** The value once it has stopped changing for `ms`. */
function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}
