/** When an event happened: the event bus stamps it when it is emitted; its delivery may come later. */
export function eventTime(event: { metadata?: unknown }): Date | string {
  return (event.metadata as { created_at?: Date | string } | undefined)?.created_at ?? new Date()
}
