import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Prompt, Text, toast } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { ReturnPolicyDrawer, type PolicyTarget } from "../components/return-policy-drawer"
import { ReturnPolicyHistory } from "../components/return-policy-history"
import { StateMessage } from "../components/state-message"
import { errorMessage, useRemoveReturnPolicyOverride, useReturnPolicies } from "../lib/api"
import {
  exceptionsSummary,
  feeSummary,
  methodsSummary,
  NEW_POLICY_TERMS,
  refundSummary,
  selectorSummary,
  windowSummary,
} from "../lib/return-policy"
import type { ReturnPoliciesResponse } from "../lib/types"

type PolicyInForce = ReturnPoliciesResponse["policies"][number]

/**
 * The returns policy on the store's settings page: the store's terms at a
 * glance, each region's or sales channel's override below with its own, and
 * who changed what and when. The drawer edits them, each save a new version.
 */
const StoreReturnsPolicyWidget = () => {
  const { data, isPending, isError, error } = useReturnPolicies()
  const [target, setTarget] = useState<PolicyTarget | null>(null)

  const store = data?.policies.find((policy) => policy.scope === "store")
  const overrides = data?.policies.filter((policy) => policy.scope !== "store") ?? []
  const canOverride = !!data && overrides.length < data.regions.length + data.sales_channels.length

  return (
    <Container className="divide-y p-0" data-testid="pp-return-policy">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Returns policy</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Shown in the order confirmation and to the storefront. Each order keeps the version it was placed under.
          </Text>
        </div>
        {store ? (
          <div className="flex shrink-0 gap-x-2">
            {canOverride ? (
              <Button
                size="small"
                variant="secondary"
                data-testid="pp-return-policy-add-override"
                onClick={() => setTarget({ scope: "region", scope_id: null, terms: store.terms, isNew: true })}
              >
                Add override
              </Button>
            ) : null}
            <Button
              size="small"
              variant="secondary"
              data-testid="pp-return-policy-edit"
              onClick={() => setTarget({ scope: "store", scope_id: null, terms: store.terms, isNew: false })}
            >
              Edit
            </Button>
          </div>
        ) : null}
      </div>

      {isPending ? (
        <StateMessage>Loading the returns policy…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the returns policy: {errorMessage(error)}</StateMessage>
      ) : !store ? (
        <div className="flex flex-col items-start gap-y-3 px-6 py-6" data-testid="pp-return-policy-none">
          <Text size="small" className="text-ui-fg-subtle">
            No returns policy yet. Until there is one, order confirmations show no returns section, and only EU
            customers’ 14-day right of withdrawal applies.
          </Text>
          <Button
            size="small"
            variant="secondary"
            data-testid="pp-return-policy-setup"
            onClick={() => setTarget({ scope: "store", scope_id: null, terms: NEW_POLICY_TERMS, isNew: true })}
          >
            Set up returns policy
          </Button>
        </div>
      ) : (
        <>
          <PolicySummary policy={store} testId="pp-return-policy-store" />
          <Section title="History">
            <ReturnPolicyHistory scopeId={null} testId="pp-return-policy-history" />
          </Section>
          {overrides.map((override) => (
            <OverrideSection
              key={override.id}
              override={override}
              onEdit={() => setTarget({ scope: override.scope, scope_id: override.scope_id, terms: override.terms, isNew: false })}
            />
          ))}
        </>
      )}

      {data ? <ReturnPolicyDrawer target={target} data={data} onClose={() => setTarget(null)} /> : null}
    </Container>
  )
}

/** The terms at a glance. */
const PolicySummary = ({ policy, testId }: { policy: PolicyInForce; testId: string }) => {
  const { terms } = policy
  return (
    <div data-testid={testId} data-version={policy.version}>
      <SummaryRow label="Return window" testId={`${testId}-window`}>
        {windowSummary(terms.window_days)}
      </SummaryRow>
      <SummaryRow label="Return shipping" testId={`${testId}-fee`}>
        {feeSummary(terms)}
      </SummaryRow>
      <SummaryRow label="Send back" testId={`${testId}-methods`}>
        {methodsSummary(terms.return_methods)}
      </SummaryRow>
      <SummaryRow label="Refund" testId={`${testId}-refund`}>
        {refundSummary(terms)}
      </SummaryRow>
      <SummaryRow label="Can’t be returned" testId={`${testId}-excluded`}>
        {selectorSummary(terms.exclusions)}
      </SummaryRow>
      <SummaryRow label="Article 16 exceptions" testId={`${testId}-exceptions`}>
        {exceptionsSummary(terms).map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </SummaryRow>
      {terms.conditions.length ? (
        <SummaryRow label="Conditions" testId={`${testId}-conditions`}>
          {terms.conditions.map((condition, index) => (
            <span key={index} className="block">
              {condition}
            </span>
          ))}
        </SummaryRow>
      ) : null}
      <SummaryRow label="Policy page" testId={`${testId}-url`}>
        {terms.policy_url ? (
          <a href={terms.policy_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover break-all">
            {terms.policy_url}
          </a>
        ) : (
          "None"
        )}
      </SummaryRow>
    </div>
  )
}

/** A region's or sales channel's override: its terms, history, and Edit and Remove. */
const OverrideSection = ({ override, onEdit }: { override: PolicyInForce; onEdit: () => void }) => {
  const remove = useRemoveReturnPolicyOverride()
  const kind = override.scope === "region" ? "Region" : "Sales channel"
  const name = override.scope_name ?? override.scope_id
  const testId = `pp-return-policy-override-${override.scope_id}`

  const confirm = async () => {
    try {
      await remove.mutateAsync(override.scope_id!)
      toast.success("Override removed", { description: `New orders in ${name} follow the store’s returns policy.` })
    } catch (err) {
      toast.error("Could not remove the override", { description: errorMessage(err) })
    }
  }

  return (
    <div data-testid={testId}>
      <div className="flex items-center justify-between gap-x-4 px-6 pb-2 pt-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">
            {kind}: {name}
          </Heading>
          <Badge size="2xsmall" color="blue">
            Override
          </Badge>
        </div>
        <div className="flex shrink-0 gap-x-2">
          <Button size="small" variant="secondary" data-testid={`${testId}-edit`} onClick={onEdit}>
            Edit
          </Button>
          <Prompt>
            <Prompt.Trigger asChild>
              <Button size="small" variant="secondary" data-testid={`${testId}-remove`} isLoading={remove.isPending}>
                Remove
              </Button>
            </Prompt.Trigger>
            <Prompt.Content>
              <Prompt.Header>
                <Prompt.Title>Remove the override for {name}?</Prompt.Title>
                <Prompt.Description>
                  New orders in {name} will follow the store’s returns policy. Orders placed before keep the terms they
                  were sold under.
                </Prompt.Description>
              </Prompt.Header>
              <Prompt.Footer>
                <Prompt.Cancel>Cancel</Prompt.Cancel>
                <Prompt.Action data-testid={`${testId}-remove-confirm`} onClick={confirm}>
                  Remove override
                </Prompt.Action>
              </Prompt.Footer>
            </Prompt.Content>
          </Prompt>
        </div>
      </div>
      <PolicySummary policy={override} testId={`${testId}-summary`} />
      <div className="px-6 pb-4">
        <ReturnPolicyHistory scopeId={override.scope_id} testId={`${testId}-history`} />
      </div>
    </div>
  )
}

const SummaryRow = ({ label, testId, children }: { label: string; testId: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <Text size="small" leading="compact" data-testid={testId}>
      {children}
    </Text>
  </div>
)

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="px-6 py-4">
    <Heading level="h3" className="mb-2">
      {title}
    </Heading>
    {children}
  </div>
)

export const config = defineWidgetConfig({
  zone: "store.details.after",
  id: "post-purchase-store-returns-policy",
})

export default StoreReturnsPolicyWidget
