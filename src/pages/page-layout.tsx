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
    h2 { font-size: 17px; margin: 24px 0 8px; }
    ul { padding-left: 20px; margin: 0 0 16px; line-height: 24px; }
    fieldset { border: 0; padding: 0; margin: 0 0 16px; }
    legend { font-weight: 600; margin: 0 0 8px; padding: 0; }
    .item { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px 12px; padding: 12px 0; border-top: 1px solid #e5e7eb; }
    .check { display: flex; gap: 10px; flex: 1 1 240px; line-height: 22px; cursor: pointer; }
    .check input { width: 20px; height: 20px; margin: 1px 0 0; flex: none; }
    .quantity input { width: 72px; }
    .field { margin: 0 0 16px; }
    .field label { display: block; font-weight: 600; margin: 0 0 6px; }
    input[type=text], input[type=email], input[type=number] { box-sizing: border-box; font: inherit; padding: 10px 12px;
             border: 1px solid #9ca3af; border-radius: 6px; }
    .field input { width: 100%; }
    input[aria-invalid=true] { border-color: #b91c1c; }
    .error { color: #b91c1c; font-size: 15px; margin: 4px 0 8px; flex-basis: 100%; }
    .muted { color: #4b5563; font-size: 14px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    /* the feedback survey: free text, and the 0–10 scale as radio buttons that look like the email's row of numbers */
    textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 10px 12px; border: 1px solid #9ca3af; border-radius: 6px; }
    textarea[aria-invalid=true] { border-color: #b91c1c; }
    .scale { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; }
    .scale label { flex: 1 0 36px; position: relative; cursor: pointer; }
    .scale input { position: absolute; opacity: 0; inset: 0; margin: 0; }
    .scale span { display: block; text-align: center; line-height: 40px; font-weight: 600; border: 1px solid ${brand.primaryColor};
             border-radius: 6px; color: ${brand.primaryColor}; }
    .scale input:checked + span { background: ${brand.primaryColor}; color: #fff; }
    .scale input:focus-visible + span { outline: 2px solid ${brand.primaryColor}; outline-offset: 2px; }
    .answer { white-space: pre-wrap; overflow-wrap: anywhere; }
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
