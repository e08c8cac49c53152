import type { BrandProps } from "../emails/types"
import { PageLayout, renderPage } from "./page-layout"

type Common = { brand: BrandProps }

/**
 * What the unsubscribe link opens. It asks, and never unsubscribes by itself:
 * link scanners fetch every URL in an email.
 */
export function unsubscribeChoicePage({ brand, email, flowLabel, action }: Common & { email: string; flowLabel: string; action: string }) {
  return renderPage(
    <PageLayout brand={brand} title="Unsubscribe">
      <p>
        {`Which emails should ${brand.name} stop sending to `}
        <strong>{email}</strong>?
      </p>
      <form method="post" action={action}>
        <input type="hidden" name="scope" value="flow" />
        <button type="submit" className="secondary" data-testid="unsubscribe-flow">
          {`Only ${flowLabel} emails`}
        </button>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="scope" value="all" />
        <button type="submit" className="primary" data-testid="unsubscribe-all">
          All marketing email
        </button>
      </form>
      <p>You will still get emails about your orders, such as confirmations.</p>
    </PageLayout>
  )
}

export function unsubscribedPage({ brand, email, what }: Common & { email: string; what: string }) {
  return renderPage(
    <PageLayout brand={brand} title="You are unsubscribed">
      <p>
        {`${brand.name} will send no more ${what} to `}
        <strong>{email}</strong>.
      </p>
      <p>You will still get emails about your orders, such as confirmations.</p>
    </PageLayout>
  )
}

export function invalidLinkPage({ brand, expired }: Common & { expired: boolean }) {
  return renderPage(
    <PageLayout brand={brand} title={expired ? "This link has expired" : "This link does not work"}>
      <p>
        {expired
          ? "Unsubscribe links work for a limited time. Use the link in a more recent email, or contact us and we will take you off the list."
          : "The link is incomplete or was changed. Open it again from the email, or contact us and we will take you off the list."}
      </p>
      {brand.supportEmail ? (
        <p>
          <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>
        </p>
      ) : null}
    </PageLayout>
  )
}
