import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** Loading, empty and error text inside a section. */
export const StateMessage = ({ children, error }: { children: ReactNode; error?: boolean }) => (
  <div className="px-6 py-6">
    <Text
      size="small"
      className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}
      role={error ? "alert" : undefined}
    >
      {children}
    </Text>
  </div>
)
