import { Button, DatePicker, Drawer, Heading, RadioGroup, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { errorMessage, useRecordConsent } from "../lib/api"
import { recordConsentFieldOf, type RecordConsentField } from "../lib/consent"
import type { AdminConsentSource } from "../lib/types"
import { DrawerFooter } from "./drawer-footer"
import { FormField } from "./form-field"

type Choice = "granted" | "withdrawn"

const SOURCES: { value: AdminConsentSource; label: string }[] = [
  { value: "admin", label: "Recorded by an admin: in the shop, by phone or in writing" },
  { value: "import", label: "Imported from another system" },
]

const WORDING_MAX = 2000

/**
 * "Record consent": consent a customer gave or withdrew outside the storefront
 * (in the shop, on a paper form, by phone) or that comes from an import, kept
 * with the admin's account of it. A withdrawal also puts the customer on the
 * suppression list for all marketing email.
 */
export const RecordConsentDrawer = ({ customerId }: { customerId: string }) => {
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [source, setSource] = useState<AdminConsentSource>("admin")
  const [wording, setWording] = useState("")
  const [givenAt, setGivenAt] = useState<Date | null>(null)
  const { mutateAsync, isPending, error, reset } = useRecordConsent(customerId)

  // a 400 names its field ("Value for field 'wording' too small …"): shown under it; anything else above the buttons
  const message = error ? errorMessage(error) : null
  const field = message ? recordConsentFieldOf(message) : undefined
  const errorFor = (name: RecordConsentField) => (field === name ? message : null)

  const openChange = (next: boolean) => {
    setOpen(next)
    if (next) {
      setChoice(null)
      setSource("admin")
      setWording("")
      setGivenAt(null)
      reset()
    }
  }

  // keep an answer on screen until the admin changes what it is about
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    if (error) reset()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!choice) {
      return
    }
    const granted = choice === "granted"
    try {
      const { consent } = await mutateAsync({
        granted,
        source,
        wording,
        ...(givenAt ? { given_at: givenAt.toISOString() } : {}),
      })
      setOpen(false)
      toast.success(granted ? "Consent recorded" : "Withdrawal recorded", {
        description: consent.marketing_allowed
          ? "Marketing email may be sent to this customer."
          : `Marketing email is not sent to this customer: ${consent.reason}`,
      })
    } catch (err) {
      // a message about a field is shown under it; a toast would cover the form's buttons
      const text = errorMessage(err)
      if (!recordConsentFieldOf(text)) {
        toast.error("Could not record the consent", { description: text })
      }
    }
  }

  return (
    <Drawer open={open} onOpenChange={openChange}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="pp-consent-record-open">
          Record consent
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="pp-consent-form">
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title asChild>
              <Heading>Record consent</Heading>
            </Drawer.Title>
            <Drawer.Description className="sr-only">
              Consent the customer gave or withdrew outside the storefront, or that comes from an import.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              For consent the customer gave or withdrew outside the storefront: in the shop, on a paper form, by
              phone, or in another system. It is kept with your name as proof.
            </Text>

            <FormField errorTestId="pp-consent-form-field-error" label="Consent" error={errorFor("granted")}>
              <RadioGroup
                value={choice ?? ""}
                onValueChange={edit((value: string) => setChoice(value as Choice))}
                className="flex flex-col gap-y-2"
                aria-label="Consent"
              >
                <RadioGroup.ChoiceBox
                  value="granted"
                  label="Given"
                  description="The customer agreed to get marketing email. A suppression stays until you lift it."
                  data-testid="pp-consent-form-granted"
                />
                <RadioGroup.ChoiceBox
                  value="withdrawn"
                  label="Withdrawn"
                  description="The customer no longer wants marketing email. They are also put on the suppression list."
                  data-testid="pp-consent-form-withdrawn"
                />
              </RadioGroup>
            </FormField>

            <FormField errorTestId="pp-consent-form-field-error" label="Source" htmlFor="pp-consent-form-source" error={errorFor("source")}>
              <Select value={source} onValueChange={edit((value: string) => setSource(value as AdminConsentSource))}>
                <Select.Trigger id="pp-consent-form-source" data-testid="pp-consent-form-source" aria-invalid={!!errorFor("source")}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SOURCES.map((option) => (
                    <Select.Item key={option.value} value={option.value}>
                      {option.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>

            <FormField errorTestId="pp-consent-form-field-error"
              label={choice === "withdrawn" ? "How and where it was withdrawn" : "How and where it was given"}
              htmlFor="pp-consent-form-wording"
              hint="For example: “Ticked the newsletter box on the paper form at the Amsterdam store”. At least 10 characters."
              error={errorFor("wording")}
            >
              <Textarea
                id="pp-consent-form-wording"
                data-testid="pp-consent-form-wording"
                rows={4}
                maxLength={WORDING_MAX}
                value={wording}
                aria-invalid={!!errorFor("wording")}
                onChange={(event) => edit(setWording)(event.target.value)}
              />
            </FormField>

            <FormField errorTestId="pp-consent-form-field-error"
              label="Date (optional)"
              hint="When the customer gave or withdrew it. Leave empty for now."
              error={errorFor("given_at")}
            >
              <div data-testid="pp-consent-form-given-at">
                <DatePicker
                  granularity="minute"
                  maxValue={new Date()}
                  value={givenAt}
                  onChange={edit(setGivenAt)}
                  aria-label="Date given"
                  modal
                />
              </div>
            </FormField>

            {message && !field && (
              <Text size="small" className="text-ui-fg-error" role="alert" data-testid="pp-consent-form-error">
                {message}
              </Text>
            )}
          </Drawer.Body>
          <DrawerFooter
            submitTestId="pp-consent-form-submit"
            disabled={!choice || !wording.trim() || isPending}
            isLoading={isPending}
          />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
