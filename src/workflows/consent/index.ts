export * from "./bind-checkout-consent"
export * from "./lift-suppression"
export * from "./record-consent"
export * from "./unsubscribe"
