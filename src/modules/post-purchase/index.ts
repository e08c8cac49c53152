import { Module } from "@medusajs/framework/utils"
import PostPurchaseModuleService from "./service"

export const POST_PURCHASE_MODULE = "postPurchase"

export default Module(POST_PURCHASE_MODULE, {
  service: PostPurchaseModuleService,
})

export * from "./types"
export { ANCHOR_EVENTS } from "./models/followup"
export { ALL_MARKETING } from "./models/suppression"
export { CONSENT_SOURCES } from "./models/consent-record"
export { COPY_VERSION_ACTIONS } from "./models/copy-version"
export { WITHDRAWAL_CHANNELS } from "./models/withdrawal"
export { copyKey, normalizeEmail, permissionKey, type MarketingPermission } from "./service"
export type { PluginOptions, PluginOptionsInput } from "./options"
