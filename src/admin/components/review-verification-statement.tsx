import { Button, Container, Drawer, Heading, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage } from "../lib/api"
import { formatDateInText } from "../lib/format"
import type { ReviewSettings } from "../lib/reviews"
import { useReviewSettings, useSaveReviewSettings } from "../lib/reviews-api"
import { DrawerFooter } from "./drawer-footer"
import { useActorNames } from "./review-parts"
import { StateMessage } from "./state-message"
import { TextAreaField } from "./text-area-field"

/**
 * How the shop checks that reviews come from buyers: the EU's Omnibus
 * Directive asks a shop to say so where it shows reviews, and the store's
 * review summary serves this text.
 */
export const ReviewVerificationStatement = () => {
  const { data, isPending, isError, error } = useReviewSettings()
  const [editing, setEditing] = useState(false)
  const settings = data?.settings
  const nameOf = useActorNames([settings?.updated_by ?? null])
  const by = nameOf(settings?.updated_by ?? null)

  return (
    <Container className="divide-y p-0" data-testid="pp-review-verification">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">How reviews are checked</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Shown with the reviews in your store, as EU law asks: whether and how you check that reviews come from
            real buyers.
          </Text>
        </div>
        {settings ? (
          <Button size="small" variant="secondary" data-testid="pp-review-verification-edit" onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : null}
      </div>
      {isPending ? (
        <StateMessage>Loading the statement…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the statement: {errorMessage(error)}</StateMessage>
      ) : (
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Text size="small" className="whitespace-pre-wrap break-words" data-testid="pp-review-verification-text">
            {shownStatement(data.settings)}
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            {data.settings.verification_statement === null
              ? "The default text: edit it to say how your shop checks reviews."
              : data.settings.updated_at
                ? `Changed ${formatDateInText(data.settings.updated_at)}${by ? ` by ${by}` : ""}`
                : null}
          </Text>
        </div>
      )}
      {settings ? (
        <Drawer open={editing} onOpenChange={setEditing}>
          <Drawer.Content data-testid="pp-review-verification-drawer">
            {editing ? <StatementForm settings={settings} onSaved={() => setEditing(false)} /> : null}
          </Drawer.Content>
        </Drawer>
      ) : null}
    </Container>
  )
}

/** The shop's statement, or the default the store shows while there is none. */
const shownStatement = (settings: ReviewSettings) =>
  settings.verification_statement ?? settings.default_verification_statement ?? ""

const StatementForm = ({ settings, onSaved }: { settings: ReviewSettings; onSaved: () => void }) => {
  const [statement, setStatement] = useState(() => shownStatement(settings))
  const save = useSaveReviewSettings()
  const unchanged = statement.trim() === shownStatement(settings).trim()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (unchanged) {
      return
    }
    try {
      // empty goes back to the default statement
      await save.mutateAsync({ verification_statement: statement.trim() || null })
      toast.success("Statement saved", { description: "Your store shows it with the reviews." })
      onSaved()
    } catch {
      // the API's message names what is wrong; it is shown under the field
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" noValidate>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>How reviews are checked</Heading>
        </Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          Say honestly what you check. For example: which reviews are marked “Verified purchase” and why, and that
          others are not checked.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-2 overflow-y-auto">
        <TextAreaField
          id="pp-review-verification-statement"
          testId="pp-review-verification-input"
          label="Statement"
          value={statement}
          onChange={(value) => {
            setStatement(value)
            if (save.error) save.reset()
          }}
          error={save.error ? errorMessage(save.error) : null}
          hint="Plain text, in the words your customers read. Leave it empty to use the default text."
        />
      </Drawer.Body>
      <DrawerFooter submitTestId="pp-review-verification-save" disabled={unchanged} isLoading={save.isPending} />
    </form>
  )
}
