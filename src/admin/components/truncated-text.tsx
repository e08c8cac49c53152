import { Text, Tooltip } from "@medusajs/ui"

/** A long text cut to one line; all of it is in a tooltip, also for keyboard users. */
export const TruncatedText = ({ text, testId }: { text: string | null; testId?: string }) => {
  if (!text) {
    return (
      <Text size="small" data-testid={testId}>
        -
      </Text>
    )
  }
  return (
    <Tooltip content={<span className="whitespace-pre-wrap break-words">{text}</span>} maxWidth={400}>
      <span tabIndex={0} data-testid={testId} className="block truncate">
        {text}
      </span>
    </Tooltip>
  )
}
