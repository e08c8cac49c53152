import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SendgridNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SendgridNotificationProviderService],
})
