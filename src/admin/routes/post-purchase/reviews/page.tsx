import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReviewApprovalRates } from "../../../components/review-approval-rates"
import { ReviewList } from "../../../components/review-list"
import { ReviewVerificationStatement } from "../../../components/review-verification-statement"

/**
 * Moderating reviews: the list first (pending ones by default), then the
 * approval rate per star rating, then the statement of how reviews are
 * checked. Under Post-purchase in the sidebar: the dashboard nests a route's
 * menu item under the route its path starts with.
 */
const ReviewsPage = () => (
  <div className="flex flex-col gap-y-3">
    <ReviewList />
    <ReviewApprovalRates />
    <ReviewVerificationStatement />
  </div>
)

export const config = defineRouteConfig({
  label: "Reviews",
})

export default ReviewsPage
