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
export function storeCreditAvailable(container: Pick<MedusaContainer, "hasRegistration">): boolean {
  return packageInstalled(LOYALTY_PLUGIN_PACKAGE) && container.hasRegistration(STORE_CREDIT_MODULE)
}

function packageInstalled(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`, { paths: [process.cwd()] })
    return true
  } catch {
    return false
  }
}
