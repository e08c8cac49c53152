export * from "./withdraw-from-contract"
