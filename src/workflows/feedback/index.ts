export * from "./answer-survey"
