import { Section, Text } from "@react-email/components"
import { Fragment } from "react"
import type { EmailAddress } from "../types"
import { formatAddressLines } from "./format"
import { paragraph, subheading } from "./styles"

export interface AddressBlockProps {
  title: string
  address: EmailAddress
  /** The country's name in the email's language. */
  country: (code: string) => string
}

/** A postal address, one part per line; renders nothing when every part is empty. */
export function AddressBlock({ title, address, country }: AddressBlockProps) {
  const lines = formatAddressLines(address, country)
  if (lines.length === 0) {
    return null
  }
  return (
    <Section data-block="address" style={{ margin: "0 0 24px" }}>
      <Text style={subheading}>{title}</Text>
      <Text style={{ ...paragraph, margin: 0 }}>
        {lines.map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
    </Section>
  )
}
