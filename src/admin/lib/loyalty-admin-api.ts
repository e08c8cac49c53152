import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { CustomerLoyaltyResponse, LedgerEntry, LoyaltyProgrammeResponse } from "./loyalty-settings"
import { sdk } from "./sdk"

const BASE = "/admin/post-purchase"

export const loyaltyKeys = {
  programme: ["pp-loyalty-programme"] as const,
  /** Every page of a customer's ledger starts with `customer(id)`, so an adjustment refreshes them all. */
  customer: (customerId: string) => ["pp-loyalty-customer", customerId] as const,
  customerPage: (customerId: string, offset: number) => ["pp-loyalty-customer", customerId, offset] as const,
}

/** The programme as saved (the defaults, switched off, before the first save) and the customer groups a tier can map to. */
export const useLoyaltyProgramme = () =>
  useQuery({
    queryKey: loyaltyKeys.programme,
    queryFn: () => sdk.client.fetch<LoyaltyProgrammeResponse>(`${BASE}/loyalty/settings`),
  })

/** Saves the whole programme; a 400 names every bad field by its path. */
export const useSaveLoyaltyProgramme = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: unknown) =>
      sdk.client.fetch<LoyaltyProgrammeResponse>(`${BASE}/loyalty/settings`, { method: "POST", body: body as Record<string, unknown> }),
    onSuccess: (data) => queryClient.setQueryData(loyaltyKeys.programme, data),
  })
}

/** A customer's balances, tier, referral code and a page of their ledger, newest first. */
export const useCustomerLoyalty = (customerId: string, page: { limit: number; offset: number }) =>
  useQuery({
    queryKey: loyaltyKeys.customerPage(customerId, page.offset),
    queryFn: () =>
      sdk.client.fetch<CustomerLoyaltyResponse>(`${BASE}/customers/${encodeURIComponent(customerId)}/loyalty`, { query: page }),
    // keep the current page on screen while the next one loads
    placeholderData: keepPreviousData,
  })

/** Gives (positive) or takes (negative) points by hand, with the reason. */
export const useAdjustLoyaltyPoints = (customerId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { points: number | string | null; reason: string }) =>
      sdk.client.fetch<CustomerLoyaltyResponse & { entry: LedgerEntry }>(
        `${BASE}/customers/${encodeURIComponent(customerId)}/loyalty/adjustments`,
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyKeys.customer(customerId) }),
  })
}
