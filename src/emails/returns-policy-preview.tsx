import type { Translator } from "../i18n"
import { Layout } from "./components/layout"
import { ReturnsPolicyBlock } from "./components/returns-policy-block"
import { sampleBrand, sampleI18n, sampleReturnsPolicy } from "./sample-data"
import type { BrandProps, ReturnsPolicyProps } from "./types"

export interface ReturnsPolicyPreviewProps {
  brand: BrandProps
  policy: ReturnsPolicyProps
  i18n: Translator
}

/**
 * The returns-policy block alone, in the frame every email shares, styled as
 * the order confirmation shows it: what the admin's policy drawer previews
 * while the terms are being edited. Never sent.
 */
export function ReturnsPolicyPreview({ brand, policy, i18n }: ReturnsPolicyPreviewProps) {
  return (
    <Layout brand={brand} i18n={i18n} preview={i18n.t("email.returnsPolicy.heading")}>
      <ReturnsPolicyBlock policy={policy} i18n={i18n} linkColor={brand.primaryColor} />
    </Layout>
  )
}

ReturnsPolicyPreview.PreviewProps = {
  brand: sampleBrand,
  policy: sampleReturnsPolicy,
  i18n: sampleI18n,
} satisfies ReturnsPolicyPreviewProps

export default ReturnsPolicyPreview
