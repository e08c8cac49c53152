import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import { PageLayout, renderPage } from "./page-layout"

/**
 * Pieces every hosted page shares: the alert above a refused form, the
 * message next to its field with the attributes that tie the two together
 * for screen readers, and the page for a link that does not work.
 */

/** Messages to show next to fields, by field name. */
export type FieldErrors = Record<string, string>

/** The attributes of a field with a message: marked invalid and described by it. */
export function invalidField(errors: FieldErrors, field: string) {
  return errors[field] ? { "aria-invalid": true as const, "aria-describedby": `error-${field}` } : {}
}

/** The alert at the top of a refused form. */
export function ErrorSummary({ errors, message, testId }: { errors: FieldErrors; message: string; testId?: string }) {
  return Object.keys(errors).length ? (
    <div role="alert" data-testid={testId}>
      <p className="error">{message}</p>
    </div>
  ) : null
}

/** A field's message, where the field is. */
export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  return errors[field] ? (
    <p className="error" id={`error-${field}`}>
      {errors[field]}
    </p>
  ) : null
}

/** A link that was changed, is incomplete, is for something else, or expired: what to do instead, and the shop's support address. */
export function linkRefusedPage({ brand, i18n, expired, body }: { brand: BrandProps; i18n: Translator; expired: boolean; body: string }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t(expired ? "page.expiredLink.title" : "page.invalidLink.title")}>
      <p>{body}</p>
      {brand.supportEmail ? (
        <p>
          <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>
        </p>
      ) : null}
    </PageLayout>
  )
}
