import { jsonLdScript } from "../json-ld"
import { productReviewsDocument } from "../review-json-ld"

describe("JSON-LD for a <script> element", () => {
  it("escapes what could end the script element or break a parser, and parses back to the same value", () => {
    const hostile = {
      name: "</script><script>alert(1)</script>",
      body: "Tom & Jerry's <!-- comment --> <b>bold</b>",
      separators: "line\u2028paragraph\u2029end",
    }
    const script = jsonLdScript(hostile)
    expect(script).not.toMatch(/[<>&\u2028\u2029]/)
    expect(script.toLowerCase()).not.toContain("</script")
    expect(script).toContain("\\u003c/script\\u003e")
    expect(script).toContain("Tom \\u0026 Jerry")
    expect(script).toContain("line\\u2028paragraph\\u2029end")
    expect(JSON.parse(script)).toEqual(hostile)
  })

  it("refuses a value with no JSON form instead of writing undefined into the page", () => {
    expect(() => jsonLdScript(undefined)).toThrow("no JSON form")
  })
})

describe("a product's reviews as schema.org JSON-LD", () => {
  const review = {
    rating: 4,
    title: "Soft linen",
    body: "Wears well.",
    reviewer_name: "Anna",
    created_at: new Date("2026-11-20T10:00:00Z"),
  }

  it("gives the aggregate rating and the reviews in schema.org's words", () => {
    expect(
      productReviewsDocument({ product: { title: "Linen Shirt", thumbnail: null }, aggregate: { average: 4.5, count: 2 }, reviews: [review] })
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Linen Shirt",
      aggregateRating: { "@type": "AggregateRating", ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 },
      review: [
        {
          "@type": "Review",
          reviewRating: { "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1 },
          author: { "@type": "Person", name: "Anna" },
          datePublished: "2026-11-20",
          name: "Soft linen",
          reviewBody: "Wears well.",
        },
      ],
    })
  })

  it("has no aggregateRating and no reviews before the first approved review", () => {
    const document = productReviewsDocument({ product: { title: "Linen Shirt" }, aggregate: { average: null, count: 0 }, reviews: [] })
    expect(document).toEqual({ "@context": "https://schema.org", "@type": "Product", name: "Linen Shirt" })
  })
})
