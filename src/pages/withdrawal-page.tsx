import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import { formatDateTime } from "../i18n/format"
import { notWithdrawableText, type WithdrawableItem, type WithdrawalOrder, type WithdrawalProblem } from "../lib/withdrawal"
import { PageLayout, renderPage } from "./page-layout"
import { linkRefusedPage } from "./form-parts"

/**
 * The hosted withdrawal pages, for shops without a page of their own: the
 * form (what to withdraw, name, email), the review with a separate "Confirm
 * withdrawal" button, and the done page. Plain forms, no JavaScript; the
 * signed token in each form's action is the only credential, and only the
 * confirmation's POST withdraws.
 */

type Common = { brand: BrandProps; i18n: Translator }

/** What the customer entered: their name and email, and how many of each item they chose. */
export type WithdrawalFormValues = { name: string; email: string; items: { id: string; quantity: number }[] }

/** Messages to show next to fields: `name`, `email`, `items`, `order`, or a line item's id. */
export type FormErrors = Record<string, string>

/** The messages a refused request shows on the page, next to the field each concerns, in the page's language. */
export function formErrors(problems: WithdrawalProblem[], i18n: Translator): FormErrors {
  const { t } = i18n
  const errors: FormErrors = {}
  for (const problem of problems) {
    switch (problem.code) {
      case "canceled":
        errors.order = t("page.withdraw.error.order")
        break
      case "name_missing":
        errors.name = t("page.withdraw.error.name")
        break
      case "email_mismatch":
        errors.email = t("page.withdraw.error.email")
        break
      case "no_items":
      case "unknown_item":
      case "duplicate_item":
        errors.items = t("page.withdraw.error.items")
        break
      case "not_withdrawable":
        errors[problem.item_id] = t("page.withdraw.error.item", { reason: notWithdrawableText(problem.item, i18n) })
        break
      case "quantity":
        errors[problem.item_id] = t("page.withdraw.error.quantity", { max: problem.item.withdrawable_quantity })
        break
    }
  }
  return errors
}

const itemLabel = (item: Pick<WithdrawableItem, "title" | "variant_title">) => (item.variant_title ? `${item.title} (${item.variant_title})` : item.title)

/** The fields that carry a choice from one page to the next. */
function CarriedValues({ values }: { values: WithdrawalFormValues }) {
  return (
    <>
      <input type="hidden" name="name" value={values.name} />
      <input type="hidden" name="email" value={values.email} />
      {values.items.map((line) => (
        <span key={line.id}>
          <input type="hidden" name="item" value={line.id} />
          <input type="hidden" name={`quantity_${line.id}`} value={String(line.quantity)} />
        </span>
      ))}
    </>
  )
}

/** The first page: the order's items to tick, with quantities, then name and email. With errors it answers 400, each message next to its field. */
export function withdrawalFormPage({
  brand,
  i18n,
  order,
  action,
  values,
  errors = {},
}: Common & { order: WithdrawalOrder; action: string; values: WithdrawalFormValues; errors?: FormErrors }) {
  const { t } = i18n
  const withdrawable = order.items.filter((item) => !item.reason)
  const notWithdrawable = order.items.filter((item) => item.reason)
  const chosen = new Map(values.items.map((line) => [line.id, line.quantity]))
  const hasErrors = Object.keys(errors).length > 0
  // an error about an item the form does not offer (it can no longer be withdrawn) has no field to stand by
  const shown = new Set(["order", "name", "email", "items", ...withdrawable.map((item) => item.id)])
  const unplaced = Object.entries(errors).filter(([field]) => !shown.has(field))
  const described = (id: string) => (errors[id] ? { "aria-invalid": true, "aria-describedby": `error-${id}` } : {})
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("withdrawal.link")}>
      {hasErrors ? (
        <div role="alert" data-testid="withdraw-errors">
          <p className="error">{errors.order ?? t("page.withdraw.errors")}</p>
          {unplaced.length ? (
            <ul className="error">
              {unplaced.map(([field, message]) => (
                <li key={field} id={`error-${field}`}>
                  {`${itemLabel(order.items.find((item) => item.id === field) ?? { title: field, variant_title: null })}: ${message}`}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>{t("page.withdraw.intro", { orderNumber: order.display_id })}</p>
      {withdrawable.length ? (
        <form method="post" action={action} noValidate>
          <input type="hidden" name="step" value="review" />
          <fieldset {...(errors.items ? { "aria-describedby": "error-items" } : {})}>
            <legend>{t("page.withdraw.items")}</legend>
            {errors.items ? (
              <p className="error" id="error-items">
                {errors.items}
              </p>
            ) : null}
            {withdrawable.map((item) => (
              <div className="item" key={item.id} data-testid={`withdraw-item-${item.id}`}>
                <label className="check">
                  <input type="checkbox" name="item" value={item.id} defaultChecked={chosen.has(item.id)} {...described(item.id)} />
                  <span>
                    <strong>{itemLabel(item)}</strong>
                    <br />
                    <span className="muted">
                      {t("page.withdraw.upTo", {
                        count: item.withdrawable_quantity,
                        hasDate: item.last_day ? "yes" : "no",
                        date: item.last_day ? i18n.date(`${item.last_day}T12:00:00Z`) : "",
                      })}
                    </span>
                  </span>
                </label>
                {item.withdrawable_quantity > 1 ? (
                  <label className="quantity">
                    <span className="visually-hidden">{t("page.withdraw.quantity", { title: itemLabel(item) })}</span>
                    <input
                      type="number"
                      name={`quantity_${item.id}`}
                      min={1}
                      max={item.withdrawable_quantity}
                      defaultValue={String(chosen.get(item.id) ?? item.withdrawable_quantity)}
                      {...described(item.id)}
                    />
                  </label>
                ) : (
                  <input type="hidden" name={`quantity_${item.id}`} value="1" />
                )}
                {errors[item.id] ? (
                  <p className="error" id={`error-${item.id}`}>
                    {errors[item.id]}
                  </p>
                ) : null}
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="withdraw-name">{t("page.withdraw.name")}</label>
            <input
              id="withdraw-name"
              type="text"
              name="name"
              autoComplete="name"
              required
              defaultValue={values.name}
              {...(errors.name ? { "aria-invalid": true, "aria-describedby": "error-name" } : {})}
            />
            {errors.name ? (
              <p className="error" id="error-name">
                {errors.name}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="withdraw-email">{t("page.withdraw.email")}</label>
            <input
              id="withdraw-email"
              type="email"
              name="email"
              autoComplete="email"
              required
              defaultValue={values.email}
              {...(errors.email ? { "aria-invalid": true, "aria-describedby": "error-email" } : {})}
            />
            {errors.email ? (
              <p className="error" id="error-email">
                {errors.email}
              </p>
            ) : null}
          </div>
          <button type="submit" className="primary" data-testid="withdraw-continue">
            {t("page.withdraw.continue")}
          </button>
        </form>
      ) : (
        <p>{t("page.withdraw.nothing")}</p>
      )}
      {notWithdrawable.length ? (
        <section aria-labelledby="not-withdrawable">
          <h2 id="not-withdrawable">{t("page.withdraw.notWithdrawable")}</h2>
          <ul>
            {notWithdrawable.map((item) => (
              <li key={item.id}>
                {itemLabel(item)}: {notWithdrawableText(item, i18n)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PageLayout>
  )
}

/** The second page: what will be withdrawn, in whose name, and the separate "Confirm withdrawal" button (Article 11a). */
export function withdrawalReviewPage({
  brand,
  i18n,
  order,
  action,
  values,
}: Common & { order: WithdrawalOrder; action: string; values: WithdrawalFormValues }) {
  const { t } = i18n
  const items = new Map(order.items.map((item) => [item.id, item]))
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.withdraw.review.title")}>
      <p>{t("page.withdraw.review.intro", { orderNumber: order.display_id })}</p>
      <ul data-testid="withdraw-review-items">
        {values.items.map((line) => (
          <li key={line.id}>{t("withdrawal.itemLine", { quantity: line.quantity, title: itemLabel(items.get(line.id)!) })}</li>
        ))}
      </ul>
      <p>{t("page.withdraw.review.by", { name: values.name, email: values.email })}</p>
      <form method="post" action={action}>
        <input type="hidden" name="step" value="confirm" />
        <CarriedValues values={values} />
        <button type="submit" className="primary" data-testid="withdraw-confirm">
          {t("page.withdraw.review.confirm")}
        </button>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="step" value="edit" />
        <CarriedValues values={values} />
        <button type="submit" className="secondary" data-testid="withdraw-change">
          {t("page.withdraw.review.change")}
        </button>
      </form>
    </PageLayout>
  )
}

/** The last page: what was withdrawn, the date and time on the shop's clock, and that the acknowledgement is on its way. */
export function withdrawalDonePage({
  brand,
  i18n,
  orderNumber,
  items,
  withdrawnAt,
  timeZone,
  email,
}: Common & { orderNumber: number; items: { title: string; quantity: number }[]; withdrawnAt: string; timeZone: string; email: string }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.withdraw.done.title")}>
      <p>{t("page.withdraw.done.body", { orderNumber, dateTime: formatDateTime(withdrawnAt, i18n.locale, timeZone) })}</p>
      <ul data-testid="withdraw-done-items">
        {items.map((item, index) => (
          <li key={index}>{t("withdrawal.itemLine", { quantity: item.quantity, title: item.title })}</li>
        ))}
      </ul>
      <p>{t("page.withdraw.done.email", { email })}</p>
    </PageLayout>
  )
}

/** A link that was changed, is incomplete, is for something else, or expired: nothing to do, and how to withdraw anyway. */
export function invalidWithdrawalLinkPage({ brand, i18n, expired }: Common & { expired: boolean }) {
  return linkRefusedPage({ brand, i18n, expired, body: i18n.t(expired ? "page.withdraw.expiredLink.body" : "page.withdraw.invalidLink.body") })
}
