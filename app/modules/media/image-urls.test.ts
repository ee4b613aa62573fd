import sharp from 'sharp'
import { expect, test } from 'vitest'
import { shareImageOf, siteShareImage } from './image-urls.ts'

test("the site's preview picture is the size and type its tags announce", async () => {
  const file = await sharp(`public${siteShareImage.url}`).metadata()
  expect({ width: file.width, height: file.height, type: `image/${file.format}` }).toEqual({
    width: siteShareImage.width,
    height: siteShareImage.height,
    type: siteShareImage.type,
  })
})

test('a stored image is previewed by its widest WebP, in its proportions', () => {
  const image = {
    key: 'abc-1280.webp',
    width: 3000,
    height: 2000,
    variants: [
      { width: 320, format: 'webp' as const, key: 'abc-320.webp' },
      { width: 1280, format: 'avif' as const, key: 'abc-1280.avif' },
      { width: 1280, format: 'webp' as const, key: 'abc-1280.webp' },
      { width: 640, format: 'webp' as const, key: 'abc-640.webp' },
    ],
  }
  expect(shareImageOf(image)).toEqual({
    url: '/media/abc-1280.webp',
    width: 1280,
    height: 853,
    type: 'image/webp',
  })
})
