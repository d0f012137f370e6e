/** A QR code of `text` as a PNG data URL (qrcode, loaded on first use); low error correction keeps long links scannable. */
export async function qrDataUrl(text: string, width = 720): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'L', margin: 4, width, color: { dark: '#000000', light: '#ffffff' } });
}
