import { StatusBadge } from "@medusajs/ui"
import { CONSENT_STATUSES } from "../lib/consent"
import type { ConsentStatus } from "../lib/types"

export const ConsentStatusBadge = ({ status }: { status: ConsentStatus }) => {
  const { label, color } = CONSENT_STATUSES[status] ?? { label: status, color: "grey" }
  return <StatusBadge color={color}>{label}</StatusBadge>
}
