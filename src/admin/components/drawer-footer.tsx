import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A form drawer's footer: Cancel closes the drawer, the submit button saves
 * the form around it. `children` are further actions shown before Cancel,
 * such as removing what the drawer edits.
 */
export const DrawerFooter = ({
  submitTestId,
  submitLabel = "Save",
  disabled,
  isLoading,
  children,
}: {
  /** The browser tests find the submit button by this id. */
  submitTestId: string
  submitLabel?: string
  disabled: boolean
  isLoading: boolean
  children?: ReactNode
}) => (
  <Drawer.Footer>
    {children}
    <Drawer.Close asChild>
      <Button size="small" variant="secondary" type="button">
        Cancel
      </Button>
    </Drawer.Close>
    <Button size="small" type="submit" data-testid={submitTestId} disabled={disabled} isLoading={isLoading}>
      {submitLabel}
    </Button>
  </Drawer.Footer>
)
