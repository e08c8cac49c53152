import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ALL_MARKETING } from "../../modules/post-purchase"
import type { ConsentRecordDTO } from "../../modules/post-purchase"
import { addSuppressionsStep } from "./steps/add-suppressions"
import { createConsentRecordsStep } from "./steps/create-consent-records"
import { liftSuppressionsStep } from "./steps/lift-suppressions"
import { resolveConsentSubjectStep, type ConsentSubject } from "./steps/resolve-consent-subject"

export type RecordConsentWorkflowInput = {
  subject: ConsentSubject
  granted: boolean
  source: ConsentRecordDTO["source"]
  wording: string
  url?: string | null
  /** "customer:cus_…", "guest", "user:user_…". */
  recorded_by: string
  /** When it was given, for consent an admin records after the fact; now by default. */
  given_at?: string | Date
}

export const recordConsentWorkflowId = "pp-record-consent"

/** Sources where the recipients speak for themselves: their fresh consent lifts their own suppression. */
const SELF_SERVICE = ["checkout", "account"]

/**
 * Records a consent statement as proof. A withdrawal also puts the recipient
 * on the suppression list for all marketing; consent given again by the
 * recipients themselves lifts that. A guest's checkout consent waits for its
 * cart to become an order (see bindCheckoutConsentWorkflow).
 */
export const recordConsentWorkflow = createWorkflow(recordConsentWorkflowId, (input: RecordConsentWorkflowInput) => {
  const subject = resolveConsentSubjectStep(input.subject)
  const recordInput = transform({ input, subject }, ({ input, subject }) => ({
    records: [
      {
        ...subject,
        order_id: null,
        granted: input.granted,
        source: input.source,
        wording: input.wording,
        url: input.url ?? null,
        recorded_by: input.recorded_by,
        given_at: input.given_at,
      },
    ],
  }))
  const records = createConsentRecordsStep(recordInput)

  when({ input, subject }, ({ input, subject }) => !input.granted && !!subject.email).then(() => {
    const suppressionInput = transform({ subject, input }, ({ subject, input }) => ({
      suppressions: [
        {
          email: subject.email!,
          scope: ALL_MARKETING,
          source: "withdrawal" as const,
          reason: `Consent withdrawn (${input.source})`,
        },
      ],
    }))
    addSuppressionsStep(suppressionInput)
  })

  when({ input, subject }, ({ input, subject }) => input.granted && !!subject.email && SELF_SERVICE.includes(input.source)).then(
    () => {
      const liftInput = transform({ subject, input }, ({ subject, input }) => ({
        selector: { email: subject.email!, scope: [ALL_MARKETING] },
        lifted_by: input.recorded_by,
        reason: `Gave consent again (${input.source})`,
      }))
      liftSuppressionsStep(liftInput)
    }
  )
  const record = transform({ records }, ({ records }) => records[0])
  return new WorkflowResponse(record)
})
