export * from "./reset-flow-copy"
export * from "./restore-flow-copy"
export * from "./save-flow-copy"
export * from "./send-test-email"
