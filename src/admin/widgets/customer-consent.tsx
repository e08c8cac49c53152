import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useMemo, type ReactNode } from "react"
import { ConsentHistory } from "../components/consent-history"
import { ConsentStatusBadge } from "../components/consent-status"
import { RecordConsentDrawer } from "../components/record-consent-drawer"
import { StateMessage } from "../components/state-message"
import { SuppressionList } from "../components/suppression-list"
import { errorMessage, useCustomerConsent, useFlows, useUsers } from "../lib/api"
import { actorLabel, adminIdsOf, ALL_MARKETING, CONSENT_MODES, suppressionScopeLabel } from "../lib/consent"
import type { CustomerConsent } from "../lib/types"

/**
 * The customer's consent to marketing email: whether it may go out now and
 * why not, the consent statements kept as proof, and the suppression list.
 * An admin records consent given offline and lifts a suppression here.
 */
const CustomerConsentWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, isPending, isError, error } = useCustomerConsent(customer.id)

  return (
    <Container className="divide-y p-0" data-testid="pp-customer-consent">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Marketing consent</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Whether this customer gets marketing emails such as the thank-you. Order emails are always sent.
          </Text>
        </div>
        <div className="shrink-0">
          <RecordConsentDrawer customerId={customer.id} />
        </div>
      </div>

      {isPending ? (
        <StateMessage>Loading consent…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the consent: {errorMessage(error)}</StateMessage>
      ) : (
        <ConsentDetails customerId={customer.id} consent={data.consent} />
      )}
    </Container>
  )
}

const ConsentDetails = ({ customerId, consent }: { customerId: string; consent: CustomerConsent }) => {
  const { data: flowData } = useFlows()
  const flowLabels = useMemo(() => new Map((flowData?.flows ?? []).map((flow) => [flow.key, flow.label])), [flowData])

  const adminIds = useMemo(
    () => adminIdsOf([...consent.records.map((r) => r.recorded_by), ...consent.suppressions.map((s) => s.lifted_by)]),
    [consent]
  )
  const { data: userData } = useUsers(adminIds)
  const admins = useMemo(
    () =>
      new Map(
        (userData?.users ?? []).map((user) => [
          user.id,
          [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email,
        ])
      ),
    [userData]
  )
  const who = (actor: string | null) => actorLabel(actor, { customerId, admins })
  // a flow's own suppression stops only that flow: the rest of marketing email still goes out
  const stoppedFlows = consent.suppressions
    .filter((s) => !s.lifted_at && s.scope !== ALL_MARKETING)
    .map((s) => suppressionScopeLabel(s, flowLabels))
  const mode = CONSENT_MODES[consent.mode] ?? { label: consent.mode, description: "" }

  return (
    <>
      <SummaryRow label="Consent mode">
        <div data-testid="pp-consent-mode">
          <Text size="small" weight="plus">
            {mode.label}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {mode.description}
          </Text>
        </div>
      </SummaryRow>
      <SummaryRow label="Consent">
        <span data-testid="pp-consent-status">
          <ConsentStatusBadge status={consent.status} />
        </span>
      </SummaryRow>
      <SummaryRow label="Marketing email">
        <div>
          <Text size="small" weight="plus" data-testid="pp-consent-marketing">
            {consent.marketing_allowed ? "May be sent now" : "Not sent"}
          </Text>
          {!consent.marketing_allowed && consent.reason && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="pp-consent-reason">
              {consent.reason}
            </Text>
          )}
          {consent.marketing_allowed && stoppedFlows.length > 0 && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="pp-consent-reason">
              Except {stoppedFlows.join(", ")} emails: on the suppression list.
            </Text>
          )}
        </div>
      </SummaryRow>

      <Section title="History">
        <ConsentHistory records={consent.records} actorLabel={who} />
      </Section>

      <Section title="Suppressions">
        <SuppressionList
          customerId={customerId}
          suppressions={consent.suppressions}
          flowLabels={flowLabels}
          actorLabel={who}
        />
      </Section>
    </>
  )
}

const SummaryRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    {children}
  </div>
)

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <div>
    <div className="px-6 pb-2 pt-4">
      <Heading level="h3">{title}</Heading>
    </div>
    {children}
  </div>
)

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "post-purchase-customer-consent",
})

export default CustomerConsentWidget
