export * from "./submit-review"
