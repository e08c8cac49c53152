import { StatusBadge, Text, Tooltip } from "@medusajs/ui"
import type { FollowupStatus, FollowupView } from "../lib/types"

const STATUS: Record<FollowupStatus, { label: string; color: "blue" | "orange" | "green" | "red" | "grey" }> = {
  scheduled: { label: "Scheduled", color: "blue" },
  sending: { label: "Sending", color: "orange" },
  sent: { label: "Sent", color: "green" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
  skipped: { label: "Skipped", color: "grey" },
}

export const followupStatusLabel = (status: FollowupStatus) => STATUS[status]?.label ?? status

export const FollowupStatusBadge = ({ status }: { status: FollowupStatus }) => {
  const { label, color } = STATUS[status] ?? { label: status, color: "grey" }
  return <StatusBadge color={color}>{label}</StatusBadge>
}

/** The last error or the reason for the status, cut short; the full text is in a tooltip. */
export const FollowupNote = ({ followup }: { followup: FollowupView }) => {
  const note = followup.last_error ?? followup.status_reason
  if (!note) {
    return <Text size="small">-</Text>
  }
  return (
    <Tooltip content={note} maxWidth={360}>
      <span tabIndex={0} className="block max-w-[220px] truncate">
        {note}
      </span>
    </Tooltip>
  )
}
