import { Module } from "@medusajs/framework/utils"
import LoyaltyModuleService from "./service"

export const LOYALTY_MODULE = "loyalty"

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
})

export * from "./constants"
export * from "./settings"
export * from "./events"
export type { AccountView, Balances, LedgerEntryView, NewLedgerEntry, ProgrammeView } from "./service"
