// Renders pipelab's icons from the one source image, public/favicon.svg, in headless Chromium
// (playwright-core and Debian's chromium are already what the e2e tests use, so no image library
// is added, and the SVG is drawn exactly as browsers draw it). Run: npx tsx scripts/make-icons.ts
// Writes public/icons/*.png and public/favicon.ico; commit the results.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const PUBLIC = path.resolve(import.meta.dirname, '../public');

/** One icon: its file, its size in pixels, and the colour behind it (null keeps it transparent). */
interface IconSpec {
  readonly file: string;
  readonly size: number;
  readonly background: string | null;
}

/** Renders the SVG at size×size over the background and returns the PNG. */
async function render(page: Page, svg: string, size: number, background: string | null): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const bg = background ?? 'transparent';
  await page.setContent(`<body style="margin:0;background:${bg}"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  return page.screenshot({ omitBackground: background === null, clip: { x: 0, y: 0, width: size, height: size } });
}

/** A .ico file that holds PNG images (supported by every browser that reads .ico). */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(path.join(PUBLIC, 'favicon.svg'), 'utf8');
  // The icon's own dark square, painted full-bleed where the platform crops (maskable) or wants no transparency (Apple).
  const theme = (JSON.parse(readFileSync(path.join(PUBLIC, 'manifest.webmanifest'), 'utf8')) as { theme_color: string }).theme_color;
  const icons: IconSpec[] = [
    { file: 'icons/icon-192.png', size: 192, background: null },
    { file: 'icons/icon-512.png', size: 512, background: null },
    { file: 'icons/maskable-512.png', size: 512, background: theme },
    { file: 'icons/apple-touch-icon-180.png', size: 180, background: theme },
  ];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    mkdirSync(path.join(PUBLIC, 'icons'), { recursive: true });
    for (const icon of icons) writeFileSync(path.join(PUBLIC, icon.file), await render(page, svg, icon.size, icon.background));
    const small = [];
    for (const size of [16, 32, 48]) small.push({ size, png: await render(page, svg, size, null) });
    writeFileSync(path.join(PUBLIC, 'favicon.ico'), icoOf(small));
  } finally {
    await browser.close();
  }
}

await main();
