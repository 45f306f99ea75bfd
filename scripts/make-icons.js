#!/usr/bin/env node
// Renders the add-in icons (assets/icon-<size>.png) from one SVG drawing with headless Chromium.
// A one-off: run it again after changing the drawing, and commit the PNGs.
//   node scripts/make-icons.js
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80, 128];
const BRAND = '#0F6CBD'; // Fluent UI's brand blue
const CHECK = '#107C41'; // Excel's green: "the workbook is in order"

/** A ledger sheet with a check badge; small sizes drop detail so the shape stays crisp. */
function drawing(size) {
  const small = size <= 16;
  const rows = small ? [60, 80] : [58, 74, 90];
  const rowLines = rows
    .map((y) => `<rect x="36" y="${y}" width="${small ? 56 : 48}" height="${small ? 10 : 7}" rx="3" fill="${BRAND}" opacity="0.45"/>`)
    .join('');
  const badge = small
    ? ''
    : `<circle cx="96" cy="96" r="24" fill="${CHECK}" stroke="#fff" stroke-width="6"/>
       <path d="M84 96.5 l8 8 l15 -16" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
    <rect x="4" y="4" width="120" height="120" rx="26" fill="${BRAND}"/>
    <rect x="${small ? 20 : 24}" y="${small ? 20 : 22}" width="${small ? 88 : 76}" height="${small ? 88 : 84}" rx="9" fill="#fff"/>
    <path d="M${small ? 20 : 24} ${small ? 44 : 44} h${small ? 88 : 76}" stroke="${BRAND}" stroke-width="${small ? 10 : 6}"/>
    ${rowLines}
    ${badge}
  </svg>`;
}

async function main() {
  const out = path.resolve(__dirname, '../assets');
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${drawing(size)}</body></html>`);
      const file = path.join(out, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
