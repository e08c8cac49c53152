import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type {
  FlowListResponse,
  FlowPreview,
  FlowResponse,
  FlowUpdate,
  FollowupListResponse,
  FollowupResponse,
  FollowupView,
} from "./types"

const BASE = "/admin/post-purchase"

export const queryKeys = {
  flows: ["pp-flows"] as const,
  preview: (key: string) => ["pp-flow-preview", key] as const,
  followups: (orderId: string) => ["pp-followups", orderId] as const,
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

export const useFlowPreview = (key: string, enabled = true) =>
  useQuery({
    queryKey: queryKeys.preview(key),
    queryFn: () => sdk.client.fetch<FlowPreview>(`${BASE}/flows/${encodeURIComponent(key)}/preview`),
    enabled,
  })

// Follow-ups of one order

export const useOrderFollowups = (orderId: string) =>
  useQuery({
    queryKey: queryKeys.followups(orderId),
    queryFn: () =>
      sdk.client.fetch<FollowupListResponse>(`${BASE}/followups`, {
        query: { order_id: orderId },
      }),
    // a follow-up that is being sent settles within seconds: poll until it does
    refetchInterval: (query) =>
      query.state.data?.followups.some((f) => f.status === "sending") ? 5000 : false,
  })

const useFollowupAction = (orderId: string, action: "resend" | "cancel") => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (followup: FollowupView) =>
      sdk.client.fetch<FollowupResponse>(
        `${BASE}/followups/${encodeURIComponent(followup.id)}/${action}`,
        { method: "POST" }
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.followups(orderId) }),
  })
}

export const useResendFollowup = (orderId: string) => useFollowupAction(orderId, "resend")

export const useCancelFollowup = (orderId: string) => useFollowupAction(orderId, "cancel")
