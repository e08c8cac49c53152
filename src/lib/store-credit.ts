import type { MedusaContainer } from "@medusajs/framework/types"

/** The package that brings Medusa's Store Credit Module; the plugin never depends on it. */
export const LOYALTY_PLUGIN_PACKAGE = "@medusajs/loyalty-plugin"

/** The container key the official plugin registers its Store Credit Module under. */
export const STORE_CREDIT_MODULE = "store_credit"

/**
 * Whether Medusa's official loyalty plugin runs in this app, so a reward could
 * be paid out as store credit instead of a promotion code. Both must hold:
 * the package is installed and its Store Credit Module is registered (an
 * installed package the app did not add to its plugins is not running).
 */
export function storeCreditAvailable(
  container: Pick<MedusaContainer, "hasRegistration">,
  installed: (name: string) => boolean = packageInstalled
): boolean {
  return installed(LOYALTY_PLUGIN_PACKAGE) && container.hasRegistration(STORE_CREDIT_MODULE)
}

/** Whether the app can load the package (from its own folder, as Medusa loads its plugins). */
export function packageInstalled(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`, { paths: [process.cwd()] })
    return true
  } catch {
    return false
  }
}

/** A store-credit account of the plugin's Store Credit Module: one per customer and currency. */
export type StoreCreditAccount = { id: string; customer_id: string | null; currency_code: string; balance?: number }

/** A line on a store-credit account; `reference` and `reference_id` say what it pays for. */
export type StoreCreditTransaction = { id: string; account_id: string; amount: number; type: "credit" | "debit"; reference: string; reference_id: string }

/**
 * The part of the plugin's Store Credit Module service this plugin calls, typed
 * here so that nothing imports the plugin's code: an app without it never loads it.
 */
export type StoreCreditModuleService = {
  listStoreCreditAccounts(filters: { customer_id?: string; currency_code?: string; id?: string | string[] }): Promise<StoreCreditAccount[]>
  createStoreCreditAccounts(data: { customer_id: string; currency_code: string }): Promise<StoreCreditAccount>
  creditAccounts(
    data: { account_id: string; amount: number; reference: string; reference_id: string; note?: string }[]
  ): Promise<StoreCreditTransaction[]>
  deleteTransactions(ids: string[]): Promise<void>
}

/** The plugin's Store Credit Module; only call it once `storeCreditAvailable` said yes. */
export function storeCreditModule(container: Pick<MedusaContainer, "resolve">): StoreCreditModuleService {
  return container.resolve(STORE_CREDIT_MODULE)
}
