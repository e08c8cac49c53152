import type { BrandProps, EmailOrder } from "../emails/types"
import { greetingName } from "../emails/components/format"
import type { MessageKey, MessageValues, Translator } from "../i18n"

/**
 * Copy the admin can edit: per flow and language, five texts of an email can
 * replace their catalog message. An override is plain text with `{{variables}}`;
 * nothing else in it is interpreted (no ICU, no HTML), and React escapes it
 * like any other text.
 */

/** The texts of an email an admin can override, each with its longest allowed length. */
export const COPY_FIELDS = {
  subject: { label: "Subject", maxLength: 200 },
  preview: { label: "Preview text", maxLength: 200 },
  heading: { label: "Heading", maxLength: 200 },
  intro: { label: "Intro paragraph", maxLength: 2000 },
  button: { label: "Button label", maxLength: 200 },
} as const

export type CopyField = keyof typeof COPY_FIELDS

export const COPY_FIELD_NAMES = Object.keys(COPY_FIELDS) as CopyField[]

/** A flow's catalog message for each field it lets the admin override. */
export type EditableCopy = Record<CopyField, MessageKey>

/** The overridden fields of one flow and language; a field left out keeps its catalog text. */
export type CopyFields = Partial<Record<CopyField, string>>

/** The variables an override may use, each with what it becomes. */
export const COPY_VARIABLES = {
  first_name: "The customer's first name; without one it is left out, with the comma and space before it",
  order_number: "The order's number, e.g. 1001",
  shop_name: "The shop's name, from the brand option",
  order_date: "The day the order was placed, written for the email's language, e.g. 26 november 2026",
  order_total: "The order's total in its currency, written for the email's language, e.g. € 83,90",
} as const

export type CopyVariable = keyof typeof COPY_VARIABLES

export const COPY_VARIABLE_NAMES = Object.keys(COPY_VARIABLES) as CopyVariable[]

/** `{{name}}`, spaces inside the braces allowed. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The names used in a text that are not known variables, each once, in order of appearance. */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>()
  for (const [, name] of text.matchAll(VARIABLE)) {
    if (!(COPY_VARIABLE_NAMES as string[]).includes(name)) {
      unknown.add(name)
    }
  }
  return [...unknown]
}

/** Why a field's override is refused, naming the field (and the variable), or null when it is fine. */
export function copyFieldProblem(field: CopyField, text: string): string | null {
  const { maxLength } = COPY_FIELDS[field]
  if (!text.trim()) {
    return `${field} cannot be empty: leave it out to keep the default text`
  }
  if (text.length > maxLength) {
    return `${field} can be at most ${maxLength} characters`
  }
  if (field !== "intro" && /[\r\n]/.test(text)) {
    return `${field} must be a single line`
  }
  const [unknown] = unknownVariables(text)
  if (unknown !== undefined) {
    return `${field} uses the unknown variable {{${unknown}}}; known variables: ${COPY_VARIABLE_NAMES.map((name) => `{{${name}}}`).join(", ")}`
  }
  return null
}

/** `{{first_name}}` with the comma and spaces before it, as in "Bedankt, {{first_name}}!". */
const NAME_WITH_LEAD = /[,\s]*\{\{\s*first_name\s*\}\}/g

/**
 * The text with each `{{variable}}` replaced by its value; only known variables
 * are ever present (validated on save). Without a first name, the name goes
 * with the comma and space before it: "Bedankt, {{first_name}}!" reads
 * "Bedankt!", not "Bedankt, !".
 */
export function substituteVariables(text: string, values: Record<CopyVariable, string>): string {
  const named = values.first_name ? text : text.replace(NAME_WITH_LEAD, "")
  return named.replace(VARIABLE, (token, name: string) => (name in values ? values[name as CopyVariable] : token))
}

/** What an email's props offer its copy's variables: its order, or for an email about the customer's account, the customer. */
export type CopyVariableSource = { order?: EmailOrder; customer?: { first_name: string | null }; brand: BrandProps; i18n: Translator }

/**
 * What the variables stand for in one email: from its order and the shop's
 * brand, formatted for its language. An email about the customer's account
 * has no order: its name is the customer's, and the order's variables are empty.
 */
export function copyVariableValues({ order, customer, brand, i18n }: CopyVariableSource): Record<CopyVariable, string> {
  return {
    first_name: (order ? greetingName(order) : customer?.first_name?.trim()) || "",
    order_number: order ? String(order.display_id) : "",
    shop_name: brand.name,
    order_date: order ? i18n.date(order.created_at) : "",
    order_total: order ? i18n.money(order.total, order.currency_code) : "",
  }
}

/**
 * A translator whose messages for the overridden keys are the overrides, with
 * their variables filled in; every other key comes from the catalogs. The
 * templates call `t` as always and need not know about overrides.
 */
export function withCopy(
  i18n: Translator,
  editable: EditableCopy,
  fields: CopyFields,
  values: Record<CopyVariable, string>
): Translator {
  const overrides = new Map<string, string>()
  for (const field of COPY_FIELD_NAMES) {
    const text = fields[field]
    if (text !== undefined) {
      overrides.set(editable[field], substituteVariables(text, values))
    }
  }
  if (!overrides.size) {
    return i18n
  }
  return {
    ...i18n,
    t: (key: MessageKey, messageValues?: MessageValues) => overrides.get(key) ?? i18n.t(key, messageValues),
  }
}

/** Props of an order email with the copy overrides applied to its translator. */
export function applyCopy<Props extends CopyVariableSource>(
  props: Props,
  editable: EditableCopy,
  fields: CopyFields
): Props {
  return { ...props, i18n: withCopy(props.i18n, editable, fields, copyVariableValues(props)) }
}

/**
 * The catalog values a flow's messages take, written as the variables that
 * stand for them: the default text as the admin would write it, e.g.
 * "Thanks for your order, {{first_name}}!".
 */
const CATALOG_VALUES_AS_VARIABLES: MessageValues = {
  shopName: "{{shop_name}}",
  orderNumber: "{{order_number}}",
  hasName: "yes",
  name: "{{first_name}}",
  date: "{{order_date}}",
}

/** Each field's catalog text in the translator's language, with `{{variables}}` where the catalog has values. */
export function defaultCopy(i18n: Translator, editable: EditableCopy): Record<CopyField, string> {
  return Object.fromEntries(
    COPY_FIELD_NAMES.map((field) => [field, i18n.t(editable[field], CATALOG_VALUES_AS_VARIABLES)])
  ) as Record<CopyField, string>
}
