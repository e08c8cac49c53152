import type { ReactNode } from "react"
import { renderToStaticMarkup } from "react-dom/server"
import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"

/**
 * The shell of the small pages the plugin serves itself (unsubscribe, later
 * hosted forms): the shop's name or logo and colour, readable on a phone, no
 * scripts. `renderPage` escapes every text it is given.
 */
export function PageLayout({ brand, i18n, title, children }: { brand: BrandProps; i18n: Translator; title: string; children: ReactNode }) {
  const css = `
    body { margin: 0; background: #f3f4f6; font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111827; }
    main { max-width: 480px; margin: 48px auto; padding: 32px 24px; background: #fff; border-radius: 8px; }
    h1 { font-size: 22px; margin: 0 0 16px; }
    p { font-size: 16px; line-height: 24px; margin: 0 0 16px; }
    form { margin: 0 0 12px; }
    button { width: 100%; padding: 12px 16px; font-size: 16px; border-radius: 6px; cursor: pointer;
             border: 1px solid ${brand.primaryColor}; }
    button.primary { background: ${brand.primaryColor}; color: #fff; }
    button.secondary { background: #fff; color: ${brand.primaryColor}; }
    header { margin: 0 0 24px; font-weight: 600; font-size: 18px; color: ${brand.primaryColor}; }
    header img { max-height: 40px; }
    footer { margin-top: 24px; font-size: 13px; color: #6b7280; }
  `
  return (
    <html lang={i18n.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${brand.name}`}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <main>
          <header>{brand.logoUrl ? <img src={brand.logoUrl} alt={brand.name} /> : brand.name}</header>
          <h1>{title}</h1>
          {children}
          <footer>
            {brand.name}
            {brand.address ? ` · ${brand.address}` : null}
          </footer>
        </main>
      </body>
    </html>
  )
}

export function renderPage(page: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<>{page}</>)}`
}
