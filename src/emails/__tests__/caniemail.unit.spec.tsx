import { doIUseEmail } from "@jsx-email/doiuse-email"
import { FLOWS } from "../../flows"
import { translator } from "../../i18n"
import { parsePluginOptions } from "../../modules/post-purchase/options"
import { renderEmail } from "../render"
import { sampleBrand, sampleStorefrontUrl } from "../sample-data"

/**
 * Every flow's email, rendered with its preview props, is linted against the
 * caniemail data (through @jsx-email/doiuse-email). A feature that one of these
 * clients lacks fails the test unless ALLOWED names it, the clients, the
 * elements it may sit on, and why that is fine.
 */
const CLIENTS = ["gmail.*", "outlook.*", "apple-mail.*"]

interface Allowance {
  /** The caniemail feature as the linter names it, e.g. "border-radius" or "<body> element". */
  feature: string
  clients: string[]
  /** The opening tags it may appear on; a feature allowed here is still refused anywhere else. */
  on: RegExp
  reason: string
}

const OUTLOOK_WINDOWS = ["outlook.windows", "outlook.windows-mail"]
const GMAIL = ["gmail.desktop-webmail", "gmail.ios", "gmail.android", "gmail.mobile-webmail"]
// react-email's <Preview>: the inbox line after the subject, hidden in the body
const PREHEADER = /^<div style="display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0"/

const ALLOWED: Allowance[] = [
  {
    feature: "display:none",
    clients: ["gmail.mobile-webmail"],
    on: PREHEADER,
    reason: "the preview text is hidden several ways at once; where display:none is dropped, max-height:0 and max-width:0 still hide it",
  },
  {
    feature: "overflow",
    clients: [...OUTLOOK_WINDOWS, "outlook.android"],
    on: PREHEADER,
    reason: "one of the preview text's several hiding rules; display:none hides it in these clients",
  },
  {
    feature: "opacity",
    clients: ["gmail.mobile-webmail", ...OUTLOOK_WINDOWS],
    on: PREHEADER,
    reason: "one of the preview text's several hiding rules; the others hide it in these clients",
  },
  {
    feature: "<body> element",
    clients: ["outlook.macos", "outlook.ios", "outlook.android"],
    on: /^<body\b/,
    reason:
      "every HTML email has a body; these apps drop it with its grey background and outer padding, and the content's own table carries the rest",
  },
  {
    feature: "role attribute",
    clients: ["outlook.windows-mail"],
    on: /^<table\b[^>]*\brole="presentation"/,
    reason: "react-email marks layout tables as presentation for screen readers; a client that ignores the attribute loses nothing",
  },
  {
    feature: "border-radius",
    clients: OUTLOOK_WINDOWS,
    on: /^<(table|a|img)\b/,
    reason: "rounded corners of the frame, the button, the thumbnails and the returns box are decoration; Outlook for Windows draws them square",
  },
  {
    feature: "outline",
    clients: OUTLOOK_WINDOWS,
    on: /^<img\b/,
    reason: "react-email's <Img> resets the focus outline that some webmails draw round linked images; Outlook for Windows draws none",
  },
  {
    feature: "object-fit",
    clients: ["gmail.mobile-webmail", ...OUTLOOK_WINDOWS],
    on: /^<img\b/,
    reason:
      "crops a non-square product image to its square box where supported; elsewhere the image fills the box its width and height attributes set",
  },
  {
    feature: "white-space",
    clients: OUTLOOK_WINDOWS,
    on: /^<td\b/,
    reason: "keeps a price on one line where supported; in Outlook for Windows a price with a space (€ 19,50) may wrap in a narrow window",
  },
  {
    feature: "target attribute",
    clients: GMAIL,
    on: /^<a\b/,
    reason: "react-email opens links in a new tab; Gmail does that by itself and ignores the attribute",
  },
  {
    feature: "text-decoration-line",
    clients: OUTLOOK_WINDOWS,
    on: /^<a\b/,
    reason: "react-email's <Link> resets it; the text-decoration that follows it is what Outlook for Windows reads",
  },
  // reviews: the review request's star links
  {
    feature: "aria-label attribute",
    clients: ["outlook.windows-mail"],
    on: /^<a\b[^>]*\bdata-rating="[1-5]"/,
    reason: "names a star link (\"3 stars out of 5\") for screen readers; the title attribute says the same where aria-label is dropped",
  },
]

interface Finding {
  feature: string
  client: string
  /** The opening tag (or <style> block) the feature was found in. */
  element: string
}

/** The unsupported features of one piece of HTML, as [feature, client] pairs. */
function unsupported(html: string): Array<[feature: string, client: string]> {
  const result = doIUseEmail(html, { emailClients: CLIENTS })
  return (result.errors ?? []).map((error) => {
    const match = /^`(.+)` is not supported by `(.+)`$/.exec(error)
    if (!match) {
      throw new Error(`Unexpected linter message: ${error}`)
    }
    return [match[1], match[2]]
  })
}

/**
 * Lints element by element, so that each finding names its element: every opening
 * tag on its own, and every <style> block whole. Comments are left out, as the
 * linter itself leaves them out (Outlook's conditional comments are for Outlook).
 */
function lint(html: string): Finding[] {
  const source = html.replace(/<!--[\s\S]*?-->/g, "")
  const elements = source.match(/<style\b[^>]*>[\s\S]*?<\/style>|<[a-zA-Z][^\s/>]*(?:\s[^>]*)?\/?>/g) ?? []
  const findings = new Map<string, Finding>()
  for (const element of new Set(elements)) {
    for (const [feature, client] of unsupported(element)) {
      findings.set(`${feature}|${client}|${element}`, { feature, client, element })
    }
  }

  // the element-by-element pass must see what the linter sees in the whole document
  const byElement = new Set([...findings.values()].map((f) => `${f.feature} | ${f.client}`))
  const whole = new Set(unsupported(html).map(([feature, client]) => `${feature} | ${client}`))
  expect([...byElement].sort()).toEqual([...whole].sort())
  return [...findings.values()]
}

function allowanceFor(finding: Finding): Allowance | undefined {
  return ALLOWED.find(
    (allowance) =>
      allowance.feature === finding.feature &&
      allowance.clients.includes(finding.client) &&
      allowance.on.test(finding.element)
  )
}

function describeFinding({ feature, client, element }: Finding): string {
  const shortElement = element.length > 160 ? `${element.slice(0, 160)}…` : element
  return `${feature} is not supported by ${client}, in ${shortElement}`
}

const options = parsePluginOptions({ brand: sampleBrand, storefrontUrl: sampleStorefrontUrl })
const withLogo = { ...options.brand, logoUrl: "https://acme-outfitters.example/logo.png" }

/** Each flow with its preview props, once with the shop's name in the header and once with a logo. */
const renders = FLOWS.flatMap((flow) =>
  [
    { variant: "name in the header", brand: options.brand },
    { variant: "logo in the header", brand: withLogo },
  ].map(({ variant, brand }) => ({
    name: `${flow.key} (${variant})`,
    render: () => renderEmail(flow.template(flow.previewProps(brand, options, translator("en")))),
  }))
)

describe("caniemail lint (Gmail, Outlook, Apple Mail)", () => {
  const used = new Set<Allowance>()

  it.each(renders)("$name uses nothing these clients lack", async ({ render }) => {
    const { html } = await render()
    const findings = lint(html)
    findings.forEach((finding) => {
      const allowance = allowanceFor(finding)
      if (allowance) {
        used.add(allowance)
      }
    })
    expect(findings.filter((finding) => !allowanceFor(finding)).map(describeFinding)).toEqual([])
  })

  it("lists no allowance that no template needs any more", () => {
    expect(ALLOWED.filter((allowance) => !used.has(allowance)).map((a) => `${a.feature} on ${a.on}`)).toEqual([])
  })

  it("refuses a layout or a stylesheet that these clients lack", async () => {
    const { html } = await renderEmail(FLOWS[0].template(FLOWS[0].previewProps(options.brand, options, translator("en"))))
    const broken = html
      .replace("</head>", "<style>.cta:hover { color: #000000 } .grid > td { display: grid }</style></head>")
      .replace(/(<body[^>]*>)/, '$1<div style="display:flex;gap:8px"><span class="cta">Shop</span></div>')

    const refused = lint(broken)
      .filter((finding) => !allowanceFor(finding))
      .map((finding) => `${finding.feature} | ${finding.client}`)

    expect(refused).toEqual(
      expect.arrayContaining([
        "display:flex | outlook.windows",
        "display:grid | outlook.windows",
        "Class selector | gmail.mobile-webmail",
      ])
    )
  })

  it("refuses an allowed feature where it is not allowed", async () => {
    const { html } = await renderEmail(FLOWS[0].template(FLOWS[0].previewProps(options.brand, options, translator("en"))))
    const broken = html.replace(/(<body[^>]*>)/, '$1<p style="opacity:0.5">Faded</p>')
    const refused = lint(broken).filter((finding) => !allowanceFor(finding))
    expect(refused.map((finding) => finding.feature)).toContain("opacity")
  })
})
