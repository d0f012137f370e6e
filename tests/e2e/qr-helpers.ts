// QR helpers for the class e2e tests: read a QR code from a screenshot with jsQR, and turn a QR image
// into a one-frame .y4m file for Chromium's fake camera (--use-file-for-fake-video-capture).
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/** RGBA pixels of a PNG, decoded by the browser (a canvas), so the test needs no PNG library. */
export async function pixelsOf(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, width, height } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return { data: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data), width: canvas.width, height: canvas.height };
  }, png.toString('base64'));
  return { data: Uint8ClampedArray.from(data), width, height };
}

/** The text of the QR code in a PNG screenshot (jsQR, the decoder the app uses), or null. */
export async function readQr(page: Page, png: Buffer): Promise<string | null> {
  const { data, width, height } = await pixelsOf(page, png);
  return jsQR(data, width, height)?.data ?? null;
}

/**
 * A YUV4MPEG2 file of one 4:2:0 frame (W×H, even) with the image centred on white:
 * the header, "FRAME", the luma plane (BT.601 full range), then the two chroma planes at 128 (grey).
 */
export function y4mFrame(img: { data: Uint8ClampedArray; width: number; height: number }, W = 640, H = 480): Buffer {
  const y = new Uint8Array(W * H).fill(255);
  const left = Math.max(0, Math.floor((W - img.width) / 2));
  const top = Math.max(0, Math.floor((H - img.height) / 2));
  for (let r = 0; r < Math.min(img.height, H); r++) {
    for (let c = 0; c < Math.min(img.width, W); c++) {
      const i = (r * img.width + c) * 4;
      y[(top + r) * W + left + c] = Math.round(0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2]);
    }
  }
  const chroma = new Uint8Array((W / 2) * (H / 2) * 2).fill(128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), Buffer.from(y), Buffer.from(chroma)]);
}
