import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import { NPS_SCORES } from "../lib/nps"
import type { SurveyProblem } from "../lib/survey"
import { ErrorSummary, FieldError, invalidField, linkRefusedPage, type FieldErrors } from "./form-parts"
import { PageLayout, renderPage } from "./page-layout"

/**
 * The hosted feedback survey, for shops without a page of their own: the
 * form (the score from the email's link, changeable, a comment and "what
 * could we do better") and the thank-you with the answer as given. A plain
 * form, no JavaScript; only its POST records anything, since mail scanners
 * open every link in an email.
 */

type Common = { brand: BrandProps; i18n: Translator }

/** The answer as the form shows it: the score chosen (none yet: null) and the texts as typed. */
export type FeedbackFormValues = { score: number | null; comment: string; improvement: string }

/** Each problem's message, in the page's language, next to its field. */
export function feedbackErrors(problems: SurveyProblem[], { t }: Translator): FieldErrors {
  const errors: FieldErrors = {}
  for (const problem of problems) {
    errors[problem.field] =
      problem.code === "score" ? t("page.feedback.error.score") : t("page.feedback.error.tooLong", { max: problem.max, length: problem.length })
  }
  return errors
}

/** The survey's form. With errors it answers 400, each message next to its field. */
export function feedbackFormPage({
  brand,
  i18n,
  orderNumber,
  action,
  values,
  answeredBefore,
  errors = {},
}: Common & { orderNumber: number; action: string; values: FeedbackFormValues; answeredBefore: boolean; errors?: FieldErrors }) {
  const { t } = i18n
  const shopName = brand.name
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.feedback.title")}>
      <ErrorSummary errors={errors} message={t("page.feedback.errors")} testId="feedback-errors" />
      <p>{t("page.feedback.intro", { orderNumber, shopName })}</p>
      {answeredBefore ? <p className="muted">{t("page.feedback.previous")}</p> : null}
      <form method="post" action={action} noValidate>
        <fieldset {...(errors.score ? { "aria-describedby": "error-score" } : {})}>
          <legend>{t("page.feedback.score", { shopName })}</legend>
          <FieldError errors={errors} field="score" />
          <div className="scale" data-testid="feedback-scale">
            {NPS_SCORES.map((score) => (
              <label key={score}>
                <input type="radio" name="score" value={String(score)} defaultChecked={values.score === score} required />
                <span>{String(score)}</span>
              </label>
            ))}
          </div>
          <p className="muted">{t("page.feedback.scale")}</p>
        </fieldset>
        <div className="field">
          <label htmlFor="feedback-comment">{t("page.feedback.comment")}</label>
          <textarea id="feedback-comment" name="comment" rows={4} defaultValue={values.comment} {...invalidField(errors, "comment")} />
          <FieldError errors={errors} field="comment" />
        </div>
        <div className="field">
          <label htmlFor="feedback-improvement">{t("page.feedback.improvement")}</label>
          <textarea id="feedback-improvement" name="improvement" rows={4} defaultValue={values.improvement} {...invalidField(errors, "improvement")} />
          <FieldError errors={errors} field="improvement" />
        </div>
        <button type="submit" className="primary" data-testid="feedback-submit">
          {t("page.feedback.submit")}
        </button>
      </form>
    </PageLayout>
  )
}

/** The thank-you: the answer as stored, and a way back to change it. */
export function feedbackDonePage({
  brand,
  i18n,
  orderNumber,
  answer,
  changeUrl,
}: Common & { orderNumber: number; answer: { score: number; comment: string | null; improvement: string | null }; changeUrl: string }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.feedback.done.title")}>
      <p data-testid="feedback-score">{t("page.feedback.done.score", { orderNumber, score: answer.score })}</p>
      {answer.comment ? (
        <>
          <h2>{t("page.feedback.done.comment")}</h2>
          <p className="answer" data-testid="feedback-comment">
            {answer.comment}
          </p>
        </>
      ) : null}
      {answer.improvement ? (
        <>
          <h2>{t("page.feedback.done.improvement")}</h2>
          <p className="answer" data-testid="feedback-improvement">
            {answer.improvement}
          </p>
        </>
      ) : null}
      <p>
        <a href={changeUrl} data-testid="feedback-change">
          {t("page.feedback.done.change")}
        </a>
      </p>
    </PageLayout>
  )
}

/** A survey link that was changed, is incomplete, or expired: nothing is recorded. */
export function invalidFeedbackLinkPage({ brand, i18n, expired }: Common & { expired: boolean }) {
  return linkRefusedPage({
    brand,
    i18n,
    expired,
    body: i18n.t(expired ? "page.feedback.expiredLink.body" : "page.feedback.invalidLink.body"),
  })
}
