import fs from "fs/promises"
import path from "path"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"

export type MailboxProviderOptions = {
  /** Folder the emails are written to; relative paths start at the app's root. */
  directory?: string
}

/**
 * The development transport: every email becomes `<time>-<flow>-<order>.html`,
 * `.txt` and `.json` in a local folder, so nothing needs the internet.
 */
export class MailboxNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "pp-mailbox"

  protected readonly directory_: string

  constructor({ logger }: { logger: Logger }, options: MailboxProviderOptions = {}) {
    super()
    this.directory_ = path.resolve(process.cwd(), options.directory || ".mailbox")
    logger.info(
      `post-purchase: emails are written to the local mailbox ${this.directory_} (no SendGrid key is set)`
    )
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const data = (notification.data ?? {}) as { flow?: string; order_display_id?: string | number; order_id?: string }
    const stem = [
      new Date().toISOString().replace(/[:.]/g, "-"),
      safe(data.flow ?? notification.template ?? "email"),
      safe(String(data.order_display_id ?? data.order_id ?? "order")),
    ].join("-")

    await fs.mkdir(this.directory_, { recursive: true })
    const file = (ext: string) => path.join(this.directory_, `${stem}.${ext}`)
    await Promise.all([
      fs.writeFile(file("html"), notification.content?.html ?? ""),
      fs.writeFile(file("txt"), notification.content?.text ?? ""),
      fs.writeFile(
        file("json"),
        JSON.stringify(
          {
            to: notification.to,
            from: notification.from ?? null,
            subject: notification.content?.subject ?? null,
            // extra message headers, as a real provider would send them (List-Unsubscribe on marketing email)
            headers: (notification.provider_data as { headers?: Record<string, string> } | undefined)?.headers ?? {},
            channel: notification.channel,
            template: notification.template,
            data: notification.data ?? null,
            provider_data: notification.provider_data ?? null,
          },
          null,
          2
        )
      ),
    ])
    return { id: stem }
  }
}

function safe(part: string): string {
  return part.replace(/[^a-zA-Z0-9_-]+/g, "_").slice(0, 60)
}
