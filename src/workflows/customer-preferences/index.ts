export * from "./set-customer-locale"
