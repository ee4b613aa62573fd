import { sql } from 'drizzle-orm'
import { productImages } from '#db/schema/catalog.ts'
import { cooperatives, makers, type StoredImage } from '#db/schema/cooperatives.ts'
import { db } from '#app/utils/db.server.ts'
import { deleteStoredImage } from './images.server.ts'

/**
 * Whether any row still shows this image. File names are content hashes, so the same picture
 * uploaded for two rows shares its files.
 */
export async function isImageReferenced(key: string): Promise<boolean> {
  const [row] = await db
    .select({
      used: sql<boolean>`exists (select 1 from ${cooperatives} where ${cooperatives.logo} ->> 'key' = ${key})
        or exists (select 1 from ${makers} where ${makers.photo} ->> 'key' = ${key})
        or exists (select 1 from ${productImages} where ${productImages.image} ->> 'key' = ${key})`,
    })
    .from(sql`(select 1) as one`)
  return Boolean(row?.used)
}

/**
 * Delete an image that nothing shows any more: one replaced or removed (a maker who withdrew
 * her consent must not stay reachable), or one stored for a change that failed.
 */
export async function releaseImage(image: StoredImage | null | undefined) {
  if (!image) return
  if (await isImageReferenced(image.key)) return
  await deleteStoredImage(image)
}
