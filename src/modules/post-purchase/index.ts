import { Module } from "@medusajs/framework/utils"
import PostPurchaseModuleService from "./service"

export const POST_PURCHASE_MODULE = "postPurchase"

export default Module(POST_PURCHASE_MODULE, {
  service: PostPurchaseModuleService,
})

export * from "./types"
export { ANCHOR_EVENTS } from "./models/followup"
export type { PluginOptions, PluginOptionsInput } from "./options"
