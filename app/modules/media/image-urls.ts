// Pure helpers that components use to show stored images (no server code here).
import { type StoredImage } from '#db/schema/cooperatives.ts'

/** Where the browser fetches a public stored file. */
export function imageUrl(key: string): string {
  return `/media/${key}`
}

/**
 * The `srcset` of one format, narrowest first (`/media/…-320.webp 320w, …`); empty when the
 * image has no variant in that format (AVIF is kept only where it is smaller than WebP).
 */
export function imageSrcSet(image: Pick<StoredImage, 'variants'>, format: 'webp' | 'avif'): string {
  return image.variants
    .filter((variant) => variant.format === format)
    .sort((a, b) => a.width - b.width)
    .map((variant) => `${imageUrl(variant.key)} ${variant.width}w`)
    .join(', ')
}

/**
 * An image as a link preview shows it: the widest WebP, with its size (the variants keep the
 * original's proportions).
 */
export function shareImageOf(image: Pick<StoredImage, 'key' | 'width' | 'height' | 'variants'>) {
  const widest = image.variants
    .filter((variant) => variant.format === 'webp')
    .sort((a, b) => b.width - a.width)[0]
  const width = widest?.width ?? image.width
  return {
    url: imageUrl(widest?.key ?? image.key),
    width,
    height: Math.round((width * image.height) / image.width),
    type: 'image/webp',
  }
}

/** The site's own preview picture, for pages without one of their own. */
export const siteShareImage = { url: '/share.png', width: 1200, height: 630, type: 'image/png' }
