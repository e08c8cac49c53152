import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trash } from "@medusajs/icons"
import { Alert, Button, Container, Heading, IconButton, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import {
  CheckboxField,
  NumberField,
  Section,
  SelectField,
  TextField,
  testIdOf,
} from "../../../components/loyalty-fields"
import { useActorNames } from "../../../components/review-parts"
import { StateMessage } from "../../../components/state-message"
import { errorMessage } from "../../../lib/api"
import { formatDateInText } from "../../../lib/format"
import { useLoyaltyProgramme, useSaveLoyaltyProgramme } from "../../../lib/loyalty-admin-api"
import {
  DISCOUNT_KIND_LABELS,
  REWARD_KIND_LABELS,
  errorSummary,
  EXPIRY_MODE_LABELS,
  formOf,
  newEarnRate,
  newReward,
  newTier,
  settingsErrorsOf,
  settingsOf,
  TIER_BASIS_LABELS,
  type CustomerGroupOption,
  type DiscountForm,
  type LoyaltyForm,
  type LoyaltyProgrammeResponse,
  type SettingsErrors,
} from "../../../lib/loyalty-settings"

const NO_ERRORS: SettingsErrors = { fields: {}, form: [] }
/** Radix's Select has no empty value: this one stands for "no customer group". */
const NO_GROUP = "none"

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }))

/**
 * The loyalty programme, edited as a whole: on or off, what earns points,
 * what they buy, the tiers and their customer groups, when points expire,
 * the bonuses and referrals. One Save sends it all; the server checks every
 * field and each of its messages is shown at its input. Under Post-purchase
 * in the sidebar, like Reviews and Feedback.
 */
const LoyaltyPage = () => {
  const { data, isPending, isError, error } = useLoyaltyProgramme()

  if (isPending) {
    return (
      <Container className="p-0">
        <StateMessage>Loading the loyalty programme…</StateMessage>
      </Container>
    )
  }
  if (isError) {
    return (
      <Container className="p-0">
        <StateMessage error>Could not load the loyalty programme: {errorMessage(error)}</StateMessage>
      </Container>
    )
  }
  return <ProgrammeForm programme={data} />
}

const ProgrammeForm = ({ programme }: { programme: LoyaltyProgrammeResponse }) => {
  const [form, setForm] = useState<LoyaltyForm>(() => formOf(programme.settings))
  const [errors, setErrors] = useState<SettingsErrors>(NO_ERRORS)
  const save = useSaveLoyaltyProgramme()
  const nameOf = useActorNames([programme.updated_by])
  const savedBody = useMemo(() => JSON.stringify(settingsOf(formOf(programme.settings))), [programme])
  const changed = JSON.stringify(settingsOf(form)) !== savedBody

  // a save answers the programme as stored: the form starts again from it
  useEffect(() => setForm(formOf(programme.settings)), [programme])

  /** Changes the form; the message of the input it is about (or of every input under `clears`) goes. */
  const update = (clears: string, change: (draft: LoyaltyForm) => void) => {
    setForm((current) => {
      const draft = structuredClone(current)
      change(draft)
      return draft
    })
    setErrors((current) => ({
      form: current.form,
      fields: Object.fromEntries(Object.entries(current.fields).filter(([path]) => path !== clears && !path.startsWith(`${clears}.`))),
    }))
  }
  const err = (path: string) => errors.fields[path]

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await save.mutateAsync(settingsOf(form))
      setErrors(NO_ERRORS)
      toast.success("Loyalty programme saved", {
        description: form.enabled ? "Customers earn points by these rules from now on." : "The programme is switched off.",
      })
    } catch (e) {
      const found = settingsErrorsOf(errorMessage(e))
      setErrors(found)
      toast.error("Could not save the loyalty programme", { description: errorSummary(found) })
    }
  }

  const groups = programme.customer_groups
  const by = nameOf(programme.updated_by)

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="pp-loyalty-settings">
      <Container className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Loyalty programme</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers earn points on their orders, confirmed once the order can no longer be returned, and spend them
            on rewards: single-use discount codes. Tiers put your best customers in customer groups, for members-only
            prices and early access through price lists.
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted" data-testid="pp-loyalty-saved">
            {programme.updated_at
              ? `Saved ${formatDateInText(programme.updated_at)}${by ? ` by ${by}` : ""}`
              : "Not saved yet: these are the defaults."}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <Switch
            id="pp-loyalty-enabled"
            data-testid="pp-loyalty-enabled"
            checked={form.enabled}
            onCheckedChange={(enabled) => update("enabled", (draft) => void (draft.enabled = enabled))}
          />
          <label htmlFor="pp-loyalty-enabled" className="txt-compact-small-plus">
            {form.enabled ? "Programme on" : "Programme off"}
          </label>
        </div>
      </Container>

      <EarnRates form={form} update={update} err={err} />
      <Rewards form={form} update={update} err={err} storeCredit={programme.store_credit_available} />
      {/* a tier group deleted in Medusa since the last save: members keep the tier without it until another group is chosen */}
      {programme.missing_customer_groups?.length ? (
        <Alert variant="warning" data-testid="pp-loyalty-missing-groups">
          {programme.missing_customer_groups.length === 1 ? "Tier " : "Tiers "}
          {programme.missing_customer_groups
            .map(({ tier_id }) => `“${programme.settings.tiers.levels.find((tier) => tier.id === tier_id)?.name ?? tier_id}”`)
            .join(", ")}
          : its customer group was deleted in Medusa. Members keep the tier but join no group for it until you choose another group and save.
        </Alert>
      ) : null}
      <Tiers form={form} update={update} err={err} groups={groups} />

      <Section
        title="Expiry"
        description="Confirmed points run out after a while, so the balance stays an incentive to come back. A reminder email goes out first."
        testId="pp-loyalty-expiry"
      >
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          <NumberField
            path="expiry.months"
            label="Expire after (months)"
            hint="0: points never expire."
            numeric="numeric"
            value={form.expiry.months}
            error={err("expiry.months")}
            onChange={(value) => update("expiry.months", (draft) => void (draft.expiry.months = value))}
          />
          <SelectField
            path="expiry.mode"
            label="What expires"
            value={form.expiry.mode}
            options={options(EXPIRY_MODE_LABELS)}
            error={err("expiry.mode")}
            onChange={(value) => update("expiry.mode", (draft) => void (draft.expiry.mode = value))}
          />
          <NumberField
            path="expiry.reminder_days"
            label="Reminder (days before)"
            hint="0: no reminder email."
            numeric="numeric"
            value={form.expiry.reminder_days}
            error={err("expiry.reminder_days")}
            onChange={(value) => update("expiry.reminder_days", (draft) => void (draft.expiry.reminder_days = value))}
          />
        </div>
      </Section>

      <Section
        title="Bonus points"
        description="Points given once for each of these, on top of what orders earn. 0 gives none."
        testId="pp-loyalty-bonuses"
      >
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          {(
            [
              ["signup", "Creating an account"],
              ["first_order", "The first order"],
              ["approved_review", "An approved review"],
            ] as const
          ).map(([key, label]) => (
            <NumberField
              key={key}
              path={`bonuses.${key}`}
              label={label}
              numeric="numeric"
              value={form.bonuses[key]}
              error={err(`bonuses.${key}`)}
              onChange={(value) => update(`bonuses.${key}`, (draft) => void (draft.bonuses[key] = value))}
            />
          ))}
        </div>
      </Section>

      <Section
        title="Referrals"
        description="Each member has a referral code to share. A new customer who uses it gets a discount on their first order; the member earns points once that order can no longer be returned."
        testId="pp-loyalty-referrals"
        action={
          <div className="flex items-center gap-x-2">
            <Switch
              id="pp-loyalty-referrals-enabled"
              data-testid="pp-loyalty-referrals-enabled"
              checked={form.referrals.enabled}
              onCheckedChange={(enabled) => update("referrals.enabled", (draft) => void (draft.referrals.enabled = enabled))}
            />
            <label htmlFor="pp-loyalty-referrals-enabled" className="txt-compact-small-plus">
              {form.referrals.enabled ? "On" : "Off"}
            </label>
          </div>
        }
      >
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-4">
          <NumberField
            path="referrals.referrer_points"
            label="Points for the member"
            numeric="numeric"
            value={form.referrals.referrer_points}
            error={err("referrals.referrer_points")}
            onChange={(value) => update("referrals.referrer_points", (draft) => void (draft.referrals.referrer_points = value))}
          />
          <DiscountFields
            path="referrals.discount"
            label="The new customer’s discount"
            discount={form.referrals.discount}
            err={err}
            onChange={(change) => update("referrals.discount", (draft) => change(draft.referrals.discount))}
          />
        </div>
      </Section>

      {errors.form.length > 0 && (
        <Alert variant="error" data-testid="pp-loyalty-form-error">
          {errors.form.join("; ")}
        </Alert>
      )}

      <Container className="bg-ui-bg-base sticky bottom-0 z-10 flex items-center justify-between gap-x-4 px-6 py-3">
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-loyalty-status">
          {Object.keys(errors.fields).length > 0
            ? errorSummary(errors)
            : changed
              ? "You have unsaved changes."
              : "All changes saved."}
        </Text>
        <div className="flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            type="button"
            disabled={!changed || save.isPending}
            onClick={() => {
              setForm(formOf(programme.settings))
              setErrors(NO_ERRORS)
            }}
          >
            Discard changes
          </Button>
          <Button size="small" type="submit" data-testid="pp-loyalty-save" isLoading={save.isPending} disabled={save.isPending}>
            Save
          </Button>
        </div>
      </Container>
    </form>
  )
}

type PartProps = {
  form: LoyaltyForm
  update: (clears: string, change: (draft: LoyaltyForm) => void) => void
  err: (path: string) => string | undefined
}

const RemoveButton = ({ label, testId, onClick }: { label: string; testId: string; onClick: () => void }) => (
  <IconButton type="button" size="small" variant="transparent" aria-label={label} data-testid={testId} onClick={onClick}>
    <Trash />
  </IconButton>
)

const EarnRates = ({ form, update, err }: PartProps) => (
  <Section
    title="Earning"
    description="Points per unit of currency on the items of an order, after discounts. An order in a currency without a rate earns nothing."
    testId="pp-loyalty-earn-rates"
    action={
      <Button
        type="button"
        size="small"
        variant="secondary"
        data-testid="pp-loyalty-earn-rates-add"
        disabled={form.earn_rates.length >= 50}
        onClick={() =>
          update("earn_rates", (draft) => void draft.earn_rates.push(newEarnRate(draft.earn_rates.map((rate) => rate.currency_code))))
        }
      >
        Add a currency
      </Button>
    }
  >
    {form.earn_rates.length === 0 ? (
      <StateMessage>No earn rates: no order earns points.</StateMessage>
    ) : (
      form.earn_rates.map((rate, index) => {
        const at = (field: string) => `earn_rates.${index}.${field}`
        return (
          <div key={index} className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-[8rem_10rem_1fr_auto]" data-testid={testIdOf(`earn_rates.${index}`)}>
            <TextField
              path={at("currency_code")}
              label="Currency"
              placeholder="eur"
              value={rate.currency_code}
              error={err(at("currency_code"))}
              onChange={(value) => update(at("currency_code"), (draft) => void (draft.earn_rates[index].currency_code = value))}
            />
            <NumberField
              path={at("points_per_unit")}
              label="Points per unit"
              hint={rate.currency_code ? `Points per 1 ${rate.currency_code.toUpperCase()}` : undefined}
              value={rate.points_per_unit}
              error={err(at("points_per_unit"))}
              onChange={(value) => update(at("points_per_unit"), (draft) => void (draft.earn_rates[index].points_per_unit = value))}
            />
            <div className="flex flex-col gap-y-1" role="group" aria-label="Also counts">
              <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
                Also counts
              </Text>
              <div className="flex flex-wrap gap-x-6 gap-y-2 pt-1">
                <CheckboxField
                  path={at("include_shipping")}
                  label="Shipping"
                  checked={rate.include_shipping}
                  error={err(at("include_shipping"))}
                  onChange={(checked) => update(at("include_shipping"), (draft) => void (draft.earn_rates[index].include_shipping = checked))}
                />
                <CheckboxField
                  path={at("include_tax")}
                  label="Tax"
                  checked={rate.include_tax}
                  error={err(at("include_tax"))}
                  onChange={(checked) => update(at("include_tax"), (draft) => void (draft.earn_rates[index].include_tax = checked))}
                />
              </div>
            </div>
            <div className="pt-6">
              <RemoveButton
                label={`Remove the ${rate.currency_code.toUpperCase() || "new"} rate`}
                testId={`${testIdOf(`earn_rates.${index}`)}-remove`}
                onClick={() => update("earn_rates", (draft) => void draft.earn_rates.splice(index, 1))}
              />
            </div>
          </div>
        )
      })
    )}
  </Section>
)

const DiscountFields = ({
  path,
  label,
  discount,
  kinds = DISCOUNT_KIND_LABELS,
  err,
  onChange,
}: {
  path: string
  label: string
  discount: DiscountForm
  kinds?: Partial<Record<DiscountForm["kind"], string>>
  err: (path: string) => string | undefined
  onChange: (change: (draft: DiscountForm) => void) => void
}) => (
  <>
    <SelectField
      path={`${path}.kind`}
      label={label}
      value={discount.kind}
      options={options(kinds as Record<DiscountForm["kind"], string>)}
      error={err(`${path}.kind`)}
      onChange={(kind) => onChange((draft) => void (draft.kind = kind))}
    />
    <NumberField
      path={`${path}.value`}
      label={discount.kind === "percentage" ? "Percentage" : "Amount"}
      value={discount.value}
      error={err(`${path}.value`)}
      onChange={(value) => onChange((draft) => void (draft.value = value))}
    />
    {discount.kind !== "percentage" ? (
      <TextField
        path={`${path}.currency_code`}
        label="Currency"
        placeholder="eur"
        value={discount.currency_code}
        error={err(`${path}.currency_code`)}
        onChange={(value) => onChange((draft) => void (draft.currency_code = value))}
      />
    ) : (
      <div />
    )}
  </>
)

/** The reward kinds on offer: store credit only where the loyalty plugin runs (or a saved reward already is). */
const rewardKinds = (storeCredit: boolean, kind: DiscountForm["kind"]) =>
  storeCredit || kind === "store_credit" ? REWARD_KIND_LABELS : DISCOUNT_KIND_LABELS

const Rewards = ({ form, update, err, storeCredit }: PartProps & { storeCredit: boolean }) => (
  <Section
    title="Rewards"
    description="What customers spend their points on: each becomes a single-use discount code for them, valid for the days you set, or, where Medusa’s loyalty plugin runs, an amount on their store credit."
    testId="pp-loyalty-rewards"
    action={
      <Button
        type="button"
        size="small"
        variant="secondary"
        data-testid="pp-loyalty-rewards-add"
        disabled={form.rewards.length >= 20}
        onClick={() => update("rewards", (draft) => void draft.rewards.push(newReward(draft)))}
      >
        Add a reward
      </Button>
    }
  >
    {form.rewards.length === 0 ? (
      <StateMessage>No rewards: points cannot be spent yet.</StateMessage>
    ) : (
      form.rewards.map((reward, index) => {
        const at = (field: string) => `rewards.${index}.${field}`
        return (
          <div key={index} className="flex flex-col gap-y-4 px-6 py-4" data-testid={testIdOf(`rewards.${index}`)}>
            <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-[1fr_10rem_8rem_8rem_auto]">
              <TextField
                path={at("name")}
                label="Name"
                placeholder="€5 off"
                value={reward.name}
                error={err(at("name"))}
                onChange={(value) => update(at("name"), (draft) => void (draft.rewards[index].name = value))}
              />
              <TextField
                path={at("id")}
                label="ID"
                hint="Lowercase letters, digits, dashes."
                value={reward.id}
                error={err(at("id"))}
                onChange={(value) => update(at("id"), (draft) => void (draft.rewards[index].id = value))}
              />
              <NumberField
                path={at("points_cost")}
                label="Points"
                numeric="numeric"
                value={reward.points_cost}
                error={err(at("points_cost"))}
                onChange={(value) => update(at("points_cost"), (draft) => void (draft.rewards[index].points_cost = value))}
              />
              <NumberField
                path={at("expires_in_days")}
                label="Valid for (days)"
                numeric="numeric"
                value={reward.expires_in_days}
                error={err(at("expires_in_days"))}
                onChange={(value) => update(at("expires_in_days"), (draft) => void (draft.rewards[index].expires_in_days = value))}
              />
              <div className="pt-6">
                <RemoveButton
                  label={`Remove the reward ${reward.name || reward.id}`}
                  testId={`${testIdOf(`rewards.${index}`)}-remove`}
                  onClick={() => update("rewards", (draft) => void draft.rewards.splice(index, 1))}
                />
              </div>
            </div>
            <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
              <DiscountFields
                path={`rewards.${index}.discount`}
                label="Discount"
                discount={reward.discount}
                kinds={rewardKinds(storeCredit, reward.discount.kind)}
                err={err}
                onChange={(change) => update(`rewards.${index}.discount`, (draft) => change(draft.rewards[index].discount))}
              />
            </div>
          </div>
        )
      })
    )}
  </Section>
)

const Tiers = ({ form, update, err, groups }: PartProps & { groups: CustomerGroupOption[] }) => {
  const groupOptions = [{ value: NO_GROUP, label: "No customer group" }, ...groups.map((group) => ({ value: group.id, label: group.name }))]
  return (
    <Section
      title="Tiers"
      description="Levels reached by what a customer earned or spent in the last 12 months. Each can put its members in a customer group (for members-only prices and early access through price lists) and multiply the points they earn."
      testId="pp-loyalty-tiers"
      action={
        <Button
          type="button"
          size="small"
          variant="secondary"
          data-testid="pp-loyalty-tiers-add"
          disabled={form.tiers.levels.length >= 10}
          onClick={() => update("tiers.levels", (draft) => void draft.tiers.levels.push(newTier(draft)))}
        >
          Add a tier
        </Button>
      }
    >
      <div className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-3">
        <SelectField
          path="tiers.basis"
          label="Reached by"
          value={form.tiers.basis}
          options={options(TIER_BASIS_LABELS)}
          error={err("tiers.basis")}
          onChange={(basis) => update("tiers.basis", (draft) => void (draft.tiers.basis = basis))}
        />
        {form.tiers.basis === "spend" ? (
          <TextField
            path="tiers.currency_code"
            label="Currency of the spend"
            placeholder="eur"
            value={form.tiers.currency_code}
            error={err("tiers.currency_code")}
            onChange={(value) => update("tiers.currency_code", (draft) => void (draft.tiers.currency_code = value))}
          />
        ) : null}
      </div>
      {form.tiers.levels.length === 0 ? (
        <StateMessage>No tiers.</StateMessage>
      ) : (
        form.tiers.levels.map((tier, index) => {
          const at = (field: string) => `tiers.levels.${index}.${field}`
          return (
            <div
              key={index}
              className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-[1fr_9rem_8rem_12rem_7rem_auto]"
              data-testid={testIdOf(`tiers.levels.${index}`)}
            >
              <TextField
                path={at("name")}
                label="Name"
                placeholder="Gold"
                value={tier.name}
                error={err(at("name"))}
                onChange={(value) => update(at("name"), (draft) => void (draft.tiers.levels[index].name = value))}
              />
              <TextField
                path={at("id")}
                label="ID"
                value={tier.id}
                error={err(at("id"))}
                onChange={(value) => update(at("id"), (draft) => void (draft.tiers.levels[index].id = value))}
              />
              <NumberField
                path={at("threshold")}
                label={form.tiers.basis === "spend" ? "From (spent)" : "From (points)"}
                value={tier.threshold}
                error={err(at("threshold"))}
                onChange={(value) => update(at("threshold"), (draft) => void (draft.tiers.levels[index].threshold = value))}
              />
              <SelectField
                path={at("customer_group_id")}
                label="Customer group"
                value={tier.customer_group_id || NO_GROUP}
                options={
                  // a group removed since the last save stays visible, so its error has something to point at
                  tier.customer_group_id && !groups.some((group) => group.id === tier.customer_group_id)
                    ? [...groupOptions, { value: tier.customer_group_id, label: tier.customer_group_id }]
                    : groupOptions
                }
                error={err(at("customer_group_id"))}
                onChange={(value) =>
                  update(at("customer_group_id"), (draft) => void (draft.tiers.levels[index].customer_group_id = value === NO_GROUP ? "" : value))
                }
              />
              <NumberField
                path={at("multiplier")}
                label="Multiplier"
                hint="1 to 10"
                value={tier.multiplier}
                error={err(at("multiplier"))}
                onChange={(value) => update(at("multiplier"), (draft) => void (draft.tiers.levels[index].multiplier = value))}
              />
              <div className="pt-6">
                <RemoveButton
                  label={`Remove the tier ${tier.name || tier.id}`}
                  testId={`${testIdOf(`tiers.levels.${index}`)}-remove`}
                  onClick={() => update("tiers.levels", (draft) => void draft.tiers.levels.splice(index, 1))}
                />
              </div>
            </div>
          )
        })
      )}
    </Section>
  )
}

export const config = defineRouteConfig({
  label: "Loyalty",
})

export default LoyaltyPage
