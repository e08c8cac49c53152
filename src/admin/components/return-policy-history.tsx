import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, useReturnPolicyVersions } from "../lib/api"
import { changesLabel, formatVersionDate } from "../lib/return-policy"

/** Versions shown before "Show all". */
const SHORT_LIST = 5

/**
 * A scope's versions, newest first, one line each: "v3 · 26 Nov 2026 14:02 ·
 * admin@acme.test · window, fee".
 */
export const ReturnPolicyHistory = ({ scopeId, testId }: { scopeId: string | null; testId: string }) => {
  const [all, setAll] = useState(false)
  const { data, isPending, isError, error } = useReturnPolicyVersions(scopeId)

  if (isPending) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Loading the history…
      </Text>
    )
  }
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error" role="alert">
        Could not load the history: {errorMessage(error)}
      </Text>
    )
  }
  const shown = all ? data.versions : data.versions.slice(0, SHORT_LIST)

  return (
    <div className="flex flex-col gap-y-1">
      <ol className="flex flex-col gap-y-1" data-testid={testId}>
        {shown.map((version) => (
          <li key={version.id} data-testid={`${testId}-v${version.version}`}>
            <Text size="small" className="text-ui-fg-subtle">
              <span className="text-ui-fg-base font-medium">v{version.version}</span>
              {" · "}
              {formatVersionDate(version.created_at)}
              {" · "}
              {version.created_by_email ?? version.created_by}
              {" · "}
              {changesLabel(version.changes)}
            </Text>
          </li>
        ))}
      </ol>
      {data.versions.length > SHORT_LIST ? (
        <div>
          <Button size="small" variant="transparent" type="button" onClick={() => setAll(!all)}>
            {all ? "Show fewer" : `Show all ${data.versions.length} versions`}
          </Button>
        </div>
      ) : null}
    </div>
  )
}
