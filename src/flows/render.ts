import { renderEmail, type RenderedEmail } from "../emails/render"
import { applyCopy, type CopyFields } from "./copy"
import type { FlowDefinition } from "./types"

/**
 * A flow's email as it goes out: its subject and its HTML and text, with the
 * copy the admin overrides for its language in place of the catalog's.
 * Sending, the preview and the test email all render through here.
 */
export async function renderFlowEmail(flow: FlowDefinition, props: any, copy: CopyFields): Promise<RenderedEmail & { subject: string }> {
  const withOverrides = applyCopy(props, flow.editableCopy, copy)
  return { subject: flow.subject(withOverrides), ...(await renderEmail(flow.template(withOverrides))) }
}
