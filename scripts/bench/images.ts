// The pool of product pictures the benchmark catalogue shares: drawn once like the demo
// catalogue's, stored with the app's own storeImage (WebP/AVIF variants, placeholder), so
// that pages reference real files the server can serve.
import { drawPicture } from '#db/seed/demo-catalog.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { type ImagePool } from './world.ts'
import { type Picture, pictureColours } from './vocabulary.ts'

const pictures: Picture[] = ['jar', 'bottle', 'bowl', 'weave', 'bar', 'pile', 'leaf']

/** 21 stored pictures: every shape in three colourways. Two are processed at a time. */
export async function storeImagePool(): Promise<ImagePool> {
  const wanted = pictures.flatMap((picture) =>
    pictureColours.map((colours, i) => ({ picture, n: i + 1, colours })),
  )
  const pool: ImagePool = []
  for (let i = 0; i < wanted.length; i += 2) {
    const pair = wanted.slice(i, i + 2)
    const stored = await Promise.all(
      pair.map(async ({ picture, colours }) =>
        storeImage(await drawPicture({ shape: picture, ...colours })),
      ),
    )
    pair.forEach(({ picture, n }, j) => pool.push({ picture, n, image: stored[j]! }))
  }
  return pool
}
