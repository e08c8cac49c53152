import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type { FeedbackQuery, FeedbackResponse } from "./feedback"
import type {
  CustomerConsentResponse,
  CopyFields,
  CustomerPreferencesResponse,
  DeliveryStatus,
  DraftPreviewBody,
  FlowCopyResponse,
  FlowListResponse,
  FlowPreview,
  FlowResponse,
  FlowUpdate,
  FollowupListQuery,
  FollowupListResponse,
  FollowupResponse,
  FollowupsResponse,
  FollowupView,
  OrderReturnTermsResponse,
  RecordConsentBody,
  ReturnPoliciesResponse,
  ReturnPolicyPreviewResponse,
  ReturnPolicyResponse,
  ReturnPolicyVersionsResponse,
  SendTestEmailBody,
  SuppressionResponse,
  TestEmailResponse,
} from "./types"

const BASE = "/admin/post-purchase"

export const queryKeys = {
  flows: ["pp-flows"] as const,
  /** Every language's preview of a flow starts with `preview(key)`, so saving the flow refreshes them all. */
  preview: (key: string, locale?: string) => (locale ? (["pp-flow-preview", key, locale] as const) : (["pp-flow-preview", key] as const)),
  /** Every list of follow-ups: the one across orders and each order's. */
  followups: ["pp-followups"] as const,
  followupList: (query: FollowupListQuery) => ["pp-followups", "list", query] as const,
  orderFollowups: (orderId: string) => ["pp-followups", "order", orderId] as const,
  deliveryStatus: ["pp-delivery-status"] as const,
  customerConsent: (customerId: string) => ["pp-customer-consent", customerId] as const,
  customerPreferences: (customerId: string) => ["pp-customer-preferences", customerId] as const,
  users: (ids: string[]) => ["pp-users", ids] as const,
  copy: (key: string, locale: string) => ["pp-flow-copy", key, locale] as const,
  draftPreview: (key: string, body: DraftPreviewBody) => ["pp-flow-draft-preview", key, body] as const,
  recentOrders: ["pp-recent-orders"] as const,
}

/** The API answers errors with `{ type, message }`; the SDK puts that message on the thrown error. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : "Something went wrong. Please try again."

// Flows

export const useFlows = () =>
  useQuery({
    queryKey: queryKeys.flows,
    queryFn: () => sdk.client.fetch<FlowListResponse>(`${BASE}/flows`),
  })

export const useUpdateFlow = (key: string) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (body: FlowUpdate) =>
      sdk.client.fetch<FlowResponse>(`${BASE}/flows/${encodeURIComponent(key)}`, {
        method: "POST",
        body,
      }),
    onSuccess: ({ flow }) => {
      // show the saved flow right away, then refetch to stay in sync with the server
      queryClient.setQueryData<FlowListResponse>(queryKeys.flows, (current) =>
        current && { flows: current.flows.map((f) => (f.key === flow.key ? flow : f)) }
      )
      queryClient.invalidateQueries({ queryKey: queryKeys.flows })
      queryClient.invalidateQueries({ queryKey: queryKeys.preview(key) })
    },
  })
}

/** The flow's email with sample data, in `locale` or the shop's default language. */
export const useFlowPreview = (key: string, locale = "", enabled = true) =>
  useQuery({
    queryKey: queryKeys.preview(key, locale || "default"),
    queryFn: () =>
      sdk.client.fetch<FlowPreview>(`${BASE}/flows/${encodeURIComponent(key)}/preview`, {
        query: locale ? { locale } : undefined,
      }),
    enabled,
    placeholderData: keepPreviousData,
  })

// Copy the admin can edit

const flowUrl = (key: string) => `${BASE}/flows/${encodeURIComponent(key)}`

/** A flow's copy in one language: each field, the variables it may use and every version, newest first. */
export const useFlowCopy = (key: string, locale: string) =>
  useQuery({
    queryKey: queryKeys.copy(key, locale),
    queryFn: () => sdk.client.fetch<FlowCopyResponse>(`${flowUrl(key)}/copy`, { query: { locale } }),
  })

/** The flow's email with unsaved copy; a 400 means a text is invalid, so it is not retried. */
export const useDraftPreview = (key: string, body: DraftPreviewBody) =>
  useQuery({
    queryKey: queryKeys.draftPreview(key, body),
    queryFn: () => sdk.client.fetch<FlowPreview>(`${flowUrl(key)}/preview`, { method: "POST", body }),
    placeholderData: keepPreviousData,
    retry: false,
  })

/** Save, reset and restore each answer with the flow's copy in that language, as `GET` does. */
const useCopyChange = <Body extends { locale: string }>(key: string, path: string) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (body: Body) =>
      sdk.client.fetch<FlowCopyResponse>(`${flowUrl(key)}/copy${path}`, { method: "POST", body }),
    onSuccess: (data, { locale }) => {
      queryClient.setQueryData(queryKeys.copy(key, locale), data)
      // the saved copy is what the flow's preview shows
      queryClient.invalidateQueries({ queryKey: queryKeys.preview(key) })
    },
  })
}

/** Saves the fields given as the copy in use; the ones left out go back to the catalog's text. */
export const useSaveFlowCopy = (key: string) => useCopyChange<{ locale: string; fields: CopyFields }>(key, "")

/** Back to the catalog's text for every field, as a new version. */
export const useResetFlowCopy = (key: string) => useCopyChange<{ locale: string }>(key, "/reset")

/** An earlier version's texts as the copy in use, as a new version. */
export const useRestoreFlowCopy = (key: string) => useCopyChange<{ locale: string; version: number }>(key, "/restore")

/** Sends the flow's email with the copy in use to an address the admin typed; no follow-up is made. */
export const useSendTestEmail = (key: string) =>
  useMutation({
    mutationFn: (body: SendTestEmailBody) =>
      sdk.client.fetch<TestEmailResponse>(`${flowUrl(key)}/test-email`, { method: "POST", body }),
  })

/** The shop's ten latest orders, to fill a test email with. */
export const useRecentOrders = () =>
  useQuery({
    queryKey: queryKeys.recentOrders,
    queryFn: () => sdk.admin.order.list({ limit: 10, fields: "id,display_id,email", order: "-created_at" }),
  })

// Follow-ups

/** Being sent, or due and waiting for the dispatcher's next run: the row changes on its own within seconds. */
const isSettling = (followup: FollowupView) =>
  followup.status === "sending" ||
  (followup.status === "scheduled" && Date.parse(followup.send_at) <= Date.now())

const SETTLING_POLL_MS = 5_000

const pollWhileSettling = (data: FollowupListResponse | undefined) =>
  data?.followups.some(isSettling) ? SETTLING_POLL_MS : false

/** Follow-ups across all orders, filtered, sorted and a page at a time. */
export const useFollowupList = (query: FollowupListQuery) =>
  useQuery({
    queryKey: queryKeys.followupList(query),
    queryFn: () => sdk.client.fetch<FollowupListResponse>(`${BASE}/followups`, { query }),
    // keep the current page on screen while the next one loads, as the dashboard's lists do
    placeholderData: keepPreviousData,
    refetchInterval: (q) => pollWhileSettling(q.state.data),
  })

/** One order's follow-ups, in the order they go out. */
export const useOrderFollowups = (orderId: string) =>
  useQuery({
    queryKey: queryKeys.orderFollowups(orderId),
    queryFn: () =>
      sdk.client.fetch<FollowupListResponse>(`${BASE}/followups`, {
        query: { order_id: orderId, order: "send_at", limit: 100 } satisfies FollowupListQuery,
      }),
    refetchInterval: (q) => pollWhileSettling(q.state.data),
  })

/** A resend or cancel changes the lists the follow-up is in and the failed count. */
const invalidateAfterChange = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.followups }),
    queryClient.invalidateQueries({ queryKey: queryKeys.deliveryStatus }),
  ])

const useFollowupAction = (action: "resend" | "cancel") => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (followup: FollowupView) =>
      sdk.client.fetch<FollowupResponse>(
        `${BASE}/followups/${encodeURIComponent(followup.id)}/${action}`,
        { method: "POST" }
      ),
    onSettled: () => invalidateAfterChange(queryClient),
  })
}

/** Sends one failed follow-up again, right away. */
export const useResendFollowup = () => useFollowupAction("resend")

/** Cancels one scheduled or failed follow-up. */
export const useCancelFollowup = () => useFollowupAction("cancel")

const useBulkFollowupAction = (action: "resend" | "cancel") => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (ids: string[]) =>
      sdk.client.fetch<FollowupsResponse>(`${BASE}/followups/${action}`, {
        method: "POST",
        body: { ids },
      }),
    onSettled: () => invalidateAfterChange(queryClient),
  })
}

/** Has failed follow-ups sent again on the dispatcher's next run; all or none. */
export const useResendFollowups = () => useBulkFollowupAction("resend")

/** Cancels scheduled or failed follow-ups; all or none. */
export const useCancelFollowups = () => useBulkFollowupAction("cancel")

// Delivery status

const DELIVERY_STATUS_POLL_MS = 30_000

/** Whether emails are going out, and how many follow-ups failed; checked every 30 seconds. */
export const useDeliveryStatus = () =>
  useQuery({
    queryKey: queryKeys.deliveryStatus,
    queryFn: () => sdk.client.fetch<DeliveryStatus>(`${BASE}/delivery-status`),
    refetchInterval: DELIVERY_STATUS_POLL_MS,
  })

// Marketing consent

/** A customer's consent to marketing email: whether it may go out now, the history and the suppressions. */
export const useCustomerConsent = (customerId: string) =>
  useQuery({
    queryKey: queryKeys.customerConsent(customerId),
    queryFn: () =>
      sdk.client.fetch<CustomerConsentResponse>(`${BASE}/customers/${encodeURIComponent(customerId)}/consent`),
  })

/** Records consent given or withdrawn offline, or from an import, as the signed-in admin. */
export const useRecordConsent = (customerId: string) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (body: RecordConsentBody) =>
      sdk.client.fetch<CustomerConsentResponse>(`${BASE}/customers/${encodeURIComponent(customerId)}/consent`, {
        method: "POST",
        body,
      }),
    // the answer is the customer's whole consent view, as the widget shows it
    onSuccess: (data) => queryClient.setQueryData(queryKeys.customerConsent(customerId), data),
  })
}

/** Lifts one suppression with the admin's reason; resolves once the customer's consent is loaded again. */
export const useLiftSuppression = (customerId: string) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      sdk.client.fetch<SuppressionResponse>(`${BASE}/suppressions/${encodeURIComponent(id)}/lift`, {
        method: "POST",
        body: { reason },
      }),
    // also when it failed: "already lifted" means the widget shows an old state
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.customerConsent(customerId) }),
  })
}

/** The admins these ids name, for "recorded by"; an id the list does not return is shown as it is. */
export const useUsers = (ids: string[]) =>
  useQuery({
    queryKey: queryKeys.users(ids),
    queryFn: () => sdk.admin.user.list({ id: ids, limit: ids.length, fields: "id,email,first_name,last_name" }),
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
  })

// Email language

/** The customer's email language, as the plugin stores it (Medusa's customer has none). */
export const useCustomerPreferences = (customerId: string) =>
  useQuery({
    queryKey: queryKeys.customerPreferences(customerId),
    queryFn: () =>
      sdk.client.fetch<CustomerPreferencesResponse>(`${BASE}/customers/${encodeURIComponent(customerId)}/preferences`),
  })

/** Sets the customer's email language; `null` clears it. */
export const useSetCustomerLocale = (customerId: string) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (locale: string | null) =>
      sdk.client.fetch<CustomerPreferencesResponse>(`${BASE}/customers/${encodeURIComponent(customerId)}/preferences`, {
        method: "POST",
        body: { locale },
      }),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.customerPreferences(customerId), data),
  })
}

// Returns policy

const POLICY = `${BASE}/return-policy`

export const returnPolicyKeys = {
  /** Everything a save or a removal changes: the policies in force and every scope's history. */
  all: ["pp-return-policy"] as const,
  policies: ["pp-return-policy", "policies"] as const,
  versions: (scopeId: string | null) => ["pp-return-policy", "versions", scopeId ?? "store"] as const,
  preview: (body: unknown) => ["pp-return-policy-preview", body] as const,
  productGroups: ["pp-product-groups"] as const,
  orderTerms: (orderId: string) => ["pp-order-return-terms", orderId] as const,
}

/** The store's policy and each override in force, and the regions and sales channels an override can be for. */
export const useReturnPolicies = () =>
  useQuery({
    queryKey: returnPolicyKeys.policies,
    queryFn: () => sdk.client.fetch<ReturnPoliciesResponse>(POLICY),
  })

/** A scope's versions, newest first: the store's, or the override of a region or sales channel. */
export const useReturnPolicyVersions = (scopeId: string | null) =>
  useQuery({
    queryKey: returnPolicyKeys.versions(scopeId),
    queryFn: () =>
      sdk.client.fetch<ReturnPolicyVersionsResponse>(`${POLICY}/versions`, { query: scopeId ? { scope_id: scopeId } : undefined }),
  })

/** Saves the terms as the scope's next version; orders placed before keep theirs. */
export const useSaveReturnPolicy = () => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch<ReturnPolicyResponse>(POLICY, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnPolicyKeys.all }),
  })
}

/** Removes a region's or sales channel's override: its new orders follow the store's policy again. */
export const useRemoveReturnPolicyOverride = () => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (scopeId: string) =>
      sdk.client.fetch<ReturnPolicyResponse>(`${POLICY}/overrides/${encodeURIComponent(scopeId)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: returnPolicyKeys.all }),
  })
}

/** The email's returns block written with draft terms; a 400 is about the draft, so it is not retried. */
export const useReturnPolicyPreview = (body: Record<string, unknown>, enabled: boolean) =>
  useQuery({
    queryKey: returnPolicyKeys.preview(body),
    queryFn: () => sdk.client.fetch<ReturnPolicyPreviewResponse>(`${POLICY}/preview`, { method: "POST", body }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  })

/** The most of each a shop offers the admin to pick from; Medusa's admin lists 20 by default. */
const PRODUCT_GROUPS_LIMIT = 500

/** The shop's product tags, types and collections, for the policy's exclusions and exceptions. */
export const useProductGroups = () =>
  useQuery({
    queryKey: returnPolicyKeys.productGroups,
    queryFn: async () => {
      const [tags, types, collections] = await Promise.all([
        sdk.admin.productTag.list({ limit: PRODUCT_GROUPS_LIMIT, fields: "id,value", order: "value" }),
        sdk.admin.productType.list({ limit: PRODUCT_GROUPS_LIMIT, fields: "id,value", order: "value" }),
        sdk.admin.productCollection.list({ limit: PRODUCT_GROUPS_LIMIT, fields: "id,title", order: "title" }),
      ])
      return {
        tags: tags.product_tags.map((tag) => ({ id: tag.id, label: tag.value })),
        types: types.product_types.map((type) => ({ id: type.id, label: type.value })),
        collections: collections.collections.map((collection) => ({ id: collection.id, label: collection.title })),
      }
    },
    staleTime: 60_000,
  })

/** The order's returns-policy version, what of it can go back, and the last day to return it. */
export const useOrderReturnTerms = (orderId: string) =>
  useQuery({
    queryKey: returnPolicyKeys.orderTerms(orderId),
    queryFn: () =>
      sdk.client.fetch<OrderReturnTermsResponse>(`${BASE}/orders/${encodeURIComponent(orderId)}/return-terms`),
  })

// the feedback survey: NPS and the latest answers over a period
export const useFeedback = (query: FeedbackQuery | null) =>
  useQuery({
    queryKey: ["pp-feedback", query],
    queryFn: () => sdk.client.fetch<FeedbackResponse>(`${BASE}/feedback`, { query: query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  })
