import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MailboxNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [MailboxNotificationProviderService],
})
