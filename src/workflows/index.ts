export * from "./cancel-followups"
export * from "./cancel-order-followups"
export * from "./dispatch-due-followups"
export * from "./reconcile-order-followups"
export * from "./resend-followup"
export * from "./retry-followups"
export * from "./schedule-order-followups"
export * from "./track-fulfillment"
export * from "./update-flow-setting"
export * from "./track-return"
export * from "./consent"
export * from "./find-missed-fulfillment-events"
export * from "./customer-preferences"
export * from "./copy"
export * from "./withdrawal"
// reviews: submitting through a review link; moderation, replies and settings
export * from "./reviews"
// the feedback survey's answers
export * from "./feedback"
// loyalty admin: saving the programme, adjusting a customer's points
export * from "./loyalty/save-programme"
export * from "./loyalty/adjust-points"
// loyalty: redeeming points for a reward (a Medusa promotion)
export * from "./loyalty/redeem-reward"
