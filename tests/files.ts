// Real files, made in the test: a small PDF and images drawn by sharp.
import sharp from 'sharp'

export function pdfFile(name = 'statutes.pdf') {
  const body =
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
  return new File([body], name, { type: 'application/pdf' })
}

export async function pngBytes(width = 400, height = 300, color = '#1d4f91') {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer()
}

/** A PNG of a random colour: each call is new content, with file names of its own. */
export async function pngFile(name = 'logo.png', width = 400, height = 300) {
  const color = `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`
  return new File([new Uint8Array(await pngBytes(width, height, color))], name, {
    type: 'image/png',
  })
}
