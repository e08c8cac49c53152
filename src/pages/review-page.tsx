import type { CSSProperties } from "react"
import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import type { ReviewableItem } from "../lib/review-form"
import { REVIEW_LIMITS } from "../modules/reviews/constants"
import { PageLayout, renderPage } from "./page-layout"
import { ErrorSummary, FieldError, invalidField, linkRefusedPage } from "./form-parts"

/**
 * The hosted review form, for shops without a form of their own: the item,
 * five stars (the one the email's link named already chosen), a title, the
 * review and the name shown with it. A plain form, no JavaScript; the signed
 * token in its action is the only credential. Every text is escaped by
 * `renderPage`, the customer's own words included.
 */

type Common = { brand: BrandProps; i18n: Translator }

/** What the form holds: as typed, or the review being edited. */
export type ReviewFormValues = { rating: number | null; title: string; body: string; name: string }

/** Messages to show next to fields: `rating`, `title`, `body`, `name`, or `form` above them. */
export type ReviewFormErrors = Partial<Record<"rating" | "title" | "body" | "name" | "form", string>>

/** Checks the form as posted, in the page's language; an empty object when it holds up. */
export function reviewFormErrors(values: ReviewFormValues, i18n: Translator): ReviewFormErrors {
  const { t } = i18n
  const errors: ReviewFormErrors = {}
  if (values.rating === null || !Number.isInteger(values.rating) || values.rating < 1 || values.rating > 5) {
    errors.rating = t("page.review.error.rating")
  }
  if (values.title.length > REVIEW_LIMITS.titleLength) {
    errors.title = t("page.review.error.headline", { max: REVIEW_LIMITS.titleLength })
  }
  if (values.body.length > REVIEW_LIMITS.bodyLength) {
    errors.body = t("page.review.error.body", { max: REVIEW_LIMITS.bodyLength })
  }
  if (!values.name.trim() || values.name.trim().length > REVIEW_LIMITS.nameLength) {
    errors.name = t("page.review.error.name", { max: REVIEW_LIMITS.nameLength })
  }
  return errors
}

const itemLabel = (item: Pick<ReviewableItem, "title" | "variant_title">) => (item.variant_title ? `${item.title} (${item.variant_title})` : item.title)

/** The form. With errors it answers 400, each message next to its field. */
export function reviewFormPage({
  brand,
  i18n,
  orderNumber,
  item,
  action,
  values,
  editing,
  errors = {},
}: Common & {
  orderNumber: number
  item: ReviewableItem
  action: string
  values: ReviewFormValues
  /** The item has a review already: sending the form changes it. */
  editing: boolean
  errors?: ReviewFormErrors
}) {
  const { t } = i18n
  const described = (field: keyof ReviewFormErrors) => invalidField(errors, field)
  const error = (field: keyof ReviewFormErrors) => <FieldError errors={errors} field={field} />
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.review.title")}>
      <ErrorSummary errors={errors} message={errors.form ?? t("page.review.errors")} testId="review-errors" />
      <p>{t("page.review.intro", { orderNumber })}</p>
      <div className="item" data-testid="review-item">
        {item.thumbnail ? <img src={item.thumbnail} alt="" width={64} height={64} style={thumbnail} /> : null}
        <strong>{itemLabel(item)}</strong>
      </div>
      {editing ? (
        <p className="muted" data-testid="review-editing">
          {t("page.review.editing")}
        </p>
      ) : null}
      <form method="post" action={action} noValidate>
        <fieldset {...(errors.rating ? { "aria-describedby": "error-rating" } : {})}>
          <legend>{t("page.review.rating")}</legend>
          {error("rating")}
          <div style={stars}>
            {[1, 2, 3, 4, 5].map((rating) => (
              <label key={rating} className="check" style={starChoice}>
                <input type="radio" name="rating" value={String(rating)} defaultChecked={values.rating === rating} required />
                <span>
                  <span aria-hidden="true" style={{ color: "#f59e0b" }}>
                    {"★".repeat(rating)}
                  </span>{" "}
                  {t("page.review.star", { rating })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="review-title">{t("page.review.headline")}</label>
          <input id="review-title" type="text" name="title" maxLength={REVIEW_LIMITS.titleLength} defaultValue={values.title} {...described("title")} />
          {error("title")}
        </div>
        <div className="field">
          <label htmlFor="review-body">{t("page.review.body")}</label>
          <textarea
            id="review-body"
            name="body"
            rows={6}
            maxLength={REVIEW_LIMITS.bodyLength}
            defaultValue={values.body}
            style={textarea}
            aria-describedby={errors.body ? "error-body" : "review-body-hint"}
            {...(errors.body ? { "aria-invalid": true } : {})}
          />
          <p className="muted" id="review-body-hint">
            {t("page.review.bodyHint", { max: REVIEW_LIMITS.bodyLength })}
          </p>
          {error("body")}
        </div>
        <div className="field">
          <label htmlFor="review-name">{t("page.review.name")}</label>
          <input
            id="review-name"
            type="text"
            name="name"
            autoComplete="given-name"
            maxLength={REVIEW_LIMITS.nameLength}
            required
            defaultValue={values.name}
            {...described("name")}
          />
          {error("name")}
        </div>
        <p className="muted">{t("page.review.verified")}</p>
        <button type="submit" className="primary" data-testid="review-submit">
          {t("page.review.submit")}
        </button>
      </form>
    </PageLayout>
  )
}

/** After sending: thanks, and whether the review shows now or after moderation. */
export function reviewDonePage({ brand, i18n, approved }: Common & { approved: boolean }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.review.done.title")}>
      <p data-testid="review-done">{t(approved ? "page.review.done.approved" : "page.review.done.pending")}</p>
      <p className="muted">{t("page.review.done.change")}</p>
    </PageLayout>
  )
}

/** A link that was changed, is for something else or someone else, or expired: nothing to do. */
export function invalidReviewLinkPage({ brand, i18n, expired }: Common & { expired: boolean }) {
  return linkRefusedPage({ brand, i18n, expired, body: i18n.t(expired ? "page.review.expiredLink.body" : "page.review.invalidLink.body") })
}

const thumbnail: CSSProperties = { width: "64px", height: "64px", objectFit: "cover", borderRadius: "6px", border: "1px solid #e5e7eb" }

const stars: CSSProperties = { display: "flex", flexDirection: "column", gap: "4px" }

const starChoice: CSSProperties = { padding: "6px 0" }

// PageLayout styles the text inputs; the review's textarea takes the same look here
const textarea: CSSProperties = {
  boxSizing: "border-box",
  width: "100%",
  font: "inherit",
  padding: "10px 12px",
  border: "1px solid #9ca3af",
  borderRadius: "6px",
}
