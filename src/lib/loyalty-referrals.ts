/** The query parameter a member's referral link carries their code in: `https://shop.example/?ref=CODE`. */
export const REFERRAL_LINK_PARAM = "ref"

/** How long a referral's first-order discount stays valid after it is claimed (days). */
export const REFERRAL_DISCOUNT_DAYS = 30

/** A member's referral link: the storefront's home page with their code, which the storefront claims for the visitor. */
export function referralLink(storefrontUrl: string, code: string): string {
  const url = new URL(storefrontUrl)
  url.searchParams.set(REFERRAL_LINK_PARAM, code)
  return url.toString()
}
