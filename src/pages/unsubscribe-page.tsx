import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import { PageLayout, renderPage } from "./page-layout"
import { linkRefusedPage } from "./form-parts"

type Common = { brand: BrandProps; i18n: Translator }

/**
 * What the unsubscribe link opens. It asks, and never unsubscribes by itself:
 * link scanners fetch every URL in an email.
 */
export function unsubscribeChoicePage({ brand, i18n, email, flow, action }: Common & { email: string; flow: string; action: string }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.unsubscribe.title")}>
      <p>{t("page.unsubscribe.question", { shopName: brand.name, email })}</p>
      <form method="post" action={action}>
        <input type="hidden" name="scope" value="flow" />
        <button type="submit" className="secondary" data-testid="unsubscribe-flow">
          {t("page.unsubscribe.onlyFlow", { flow })}
        </button>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="scope" value="all" />
        <button type="submit" className="primary" data-testid="unsubscribe-all">
          {t("page.unsubscribe.all")}
        </button>
      </form>
      <p>{t("page.unsubscribe.ordersStill")}</p>
    </PageLayout>
  )
}

export function unsubscribedPage({ brand, i18n, email, flow }: Common & { email: string; flow: string | null }) {
  const { t } = i18n
  return renderPage(
    <PageLayout brand={brand} i18n={i18n} title={t("page.unsubscribed.title")}>
      <p>
        {flow
          ? t("page.unsubscribed.flow", { shopName: brand.name, email, flow })
          : t("page.unsubscribed.all", { shopName: brand.name, email })}
      </p>
      <p>{t("page.unsubscribe.ordersStill")}</p>
    </PageLayout>
  )
}

export function invalidLinkPage({ brand, i18n, expired }: Common & { expired: boolean }) {
  return linkRefusedPage({ brand, i18n, expired, body: i18n.t(expired ? "page.expiredLink.body" : "page.invalidLink.body") })
}
