import { Alert, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useDeliveryStatus } from "../lib/api"
import { formatDateInText } from "../lib/format"
import type { DeliveryProblem } from "../lib/types"

/**
 * The top of the Post-purchase page: why emails are not going out, when the
 * provider refuses the plugin's credentials or sender, and how many failed
 * follow-ups wait for an admin, with a link to them in the list below.
 */
export const DeliveryStatusBanner = ({ listId }: { listId: string }) => {
  const { data } = useDeliveryStatus()
  if (!data || (!data.problem && !data.failed)) {
    return null
  }

  return (
    <div className="flex flex-col gap-y-3">
      {data.problem && <ProblemAlert problem={data.problem} />}
      {data.failed > 0 && (
        <Alert variant="warning" data-testid="pp-failed-hint">
          <Text size="small">
            {data.failed === 1 ? "1 email could not be sent" : `${data.failed} emails could not be sent`}. Resend
            or cancel {data.failed === 1 ? "it" : "them"} in the list below.{" "}
            <Link
              to={{ search: "?status=failed" }}
              data-testid="pp-failed-hint-link"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg font-medium"
              onClick={() => document.getElementById(listId)?.scrollIntoView({ behavior: "smooth", block: "start" })}
            >
              Show failed emails
            </Link>
          </Text>
        </Alert>
      )}
    </div>
  )
}

const ProblemAlert = ({ problem }: { problem: DeliveryProblem }) => {
  // the provider's own words end the first sentence
  const cause = /[.!?]$/.test(problem.cause.trim()) ? problem.cause.trim() : `${problem.cause.trim()}.`
  const advice = /^sendgrid\b/i.test(problem.cause)
    ? "check your SendGrid API key and sender"
    : "check your email provider's settings"
  const waiting = problem.waiting === 1 ? "1 email is" : `${problem.waiting} emails are`

  return (
    <Alert variant="error" data-testid="pp-delivery-problem">
      <Text size="small" weight="plus">
        Emails are not going out: {cause}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {waiting} waiting and will be retried until {formatDateInText(problem.retry_until)}; {advice}.
      </Text>
    </Alert>
  )
}
