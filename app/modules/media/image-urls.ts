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
