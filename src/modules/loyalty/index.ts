import { Module } from "@medusajs/framework/utils"
import LoyaltyModuleService from "./service"

// not "loyalty": Medusa's official @medusajs/loyalty-plugin registers a module under that name, and a shop may run both
export const LOYALTY_MODULE = "postPurchaseLoyalty"

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
})

export * from "./constants"
export * from "./settings"
export * from "./events"
export type {
  AccountSnapshot,
  AccountView,
  Balances,
  DecidedLedgerEntry,
  LedgerEntryView,
  NewLedgerEntry,
  ProgrammeView,
  RecordedEntry,
  SkippedEntry,
} from "./service"
