#!/usr/bin/env node
/**
 * Draws the demo products' pictures into static/demo/, which Medusa serves at
 * /static/demo/ (the seeded products point there), so the demo's emails show
 * their images without the internet. The PNGs are committed; run this only to
 * change them: `node scripts/demo/product-images.js`. PNG, not SVG: many email
 * clients do not show SVG.
 */
const fs = require("fs")
const path = require("path")
const { launchChromium } = require("../../e2e/chromium")

const OUT = path.join(__dirname, "..", "..", "static", "demo")
// twice the 64 px the order confirmation shows them at, for sharp screens
const SIZE = 128

const PICTURES = {
  "linen-shirt": {
    background: "#e7efe9",
    svg: `
      <path d="M44 22 L30 28 L14 46 L26 58 L34 50 L34 108 L94 108 L94 50 L102 58 L114 46 L98 28 L84 22
               C80 32 72 36 64 36 C56 36 48 32 44 22 Z" fill="#f6f1e7" stroke="#8a7f6a" stroke-width="3" stroke-linejoin="round"/>
      <path d="M44 22 L56 44 L64 36 L72 44 L84 22" fill="none" stroke="#8a7f6a" stroke-width="3" stroke-linejoin="round"/>
      <line x1="64" y1="44" x2="64" y2="106" stroke="#8a7f6a" stroke-width="2"/>
      <circle cx="68" cy="58" r="2.5" fill="#8a7f6a"/><circle cx="68" cy="74" r="2.5" fill="#8a7f6a"/>
      <circle cx="68" cy="90" r="2.5" fill="#8a7f6a"/>`,
  },
  "coffee-beans": {
    background: "#f3e9dc",
    svg: `
      <path d="M36 30 L92 30 L100 110 L28 110 Z" fill="#6b4a33" stroke="#3e2a1c" stroke-width="3" stroke-linejoin="round"/>
      <path d="M36 30 L42 18 L86 18 L92 30" fill="#8a6446" stroke="#3e2a1c" stroke-width="3" stroke-linejoin="round"/>
      <rect x="42" y="54" width="44" height="32" rx="4" fill="#f3e9dc"/>
      <ellipse cx="56" cy="70" rx="6" ry="9" fill="#6b4a33" transform="rotate(-25 56 70)"/>
      <path d="M53 63 Q58 70 55 78" stroke="#f3e9dc" stroke-width="1.5" fill="none"/>
      <ellipse cx="72" cy="70" rx="6" ry="9" fill="#6b4a33" transform="rotate(25 72 70)"/>
      <path d="M74 63 Q69 70 73 78" stroke="#f3e9dc" stroke-width="1.5" fill="none"/>`,
  },
  "tote-bag": {
    background: "#e4ecf4",
    svg: `
      <path d="M46 50 C46 22 82 22 82 50" fill="none" stroke="#b49a6c" stroke-width="5" stroke-linecap="round"/>
      <path d="M30 48 L98 48 L104 112 L24 112 Z" fill="#efe4cc" stroke="#b49a6c" stroke-width="3" stroke-linejoin="round"/>
      <path d="M44 70 L84 70" stroke="#0f766e" stroke-width="6" stroke-linecap="round"/>
      <path d="M48 84 L80 84" stroke="#0f766e" stroke-width="4" stroke-linecap="round"/>`,
  },
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
    for (const [name, { background, svg }] of Object.entries(PICTURES)) {
      await page.setContent(
        `<body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">` +
          `<rect width="128" height="128" fill="${background}"/>${svg}</svg></body>`
      )
      const file = path.join(OUT, `${name}.png`)
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: SIZE, height: SIZE } })
      console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`)
    }
  } finally {
    await browser.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
