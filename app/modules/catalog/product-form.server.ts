import { z } from 'zod'
import { certificationCodes } from '#db/schema/reference.ts'
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { type FormReply, parseForm } from '#app/utils/forms.server.ts'
import { factFromForm } from './facts.ts'
import { parseMoney } from './money.ts'
import { type ProductUpdate, type VariantInput } from './products.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { optionalWholeNumberField, parseWholeNumber } from '#app/utils/numbers.ts'

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'errors.tooLong' })
    .optional()
    .transform((v) => (v ? v : null))

const month = optionalWholeNumberField({ min: 1, max: 12, error: 'errors.invalid' })

const productSchema = z
  .object({
    categoryId: z.uuid({ error: 'errors.unknownCategory' }),
    titleAr: z
      .string({ error: 'errors.required' })
      .trim()
      .min(2, { error: 'errors.titleArRequired' })
      .max(120, { error: 'errors.tooLong' }),
    titleFr: optional(120),
    titleEn: optional(120),
    descriptionAr: z.string().trim().max(4000, { error: 'errors.tooLong' }).default(''),
    descriptionFr: optional(4000),
    descriptionEn: optional(4000),
    netQuantity: optional(60),
    // The free-text facts, in Arabic (the fact's own name), French and English.
    ingredients: optional(600),
    ingredientsFr: optional(600),
    ingredientsEn: optional(600),
    lot: optional(60),
    bestBefore: optional(30),
    volume: optional(60),
    registrationNumber: optional(80),
    dimensions: optional(120),
    material: optional(120),
    materialFr: optional(120),
    materialEn: optional(120),
    leadTimeDays: optionalWholeNumberField({
      min: 1,
      max: 365,
      error: 'errors.wholeNumber',
      tooSmall: 'errors.numberTooSmall',
      tooLarge: 'errors.numberTooLarge',
    }),
    careNotes: optional(600),
    careNotesFr: optional(600),
    careNotesEn: optional(600),
    seasonStartMonth: month,
    seasonEndMonth: month,
    claims: z.array(z.enum(certificationCodes, { error: 'errors.invalid' })).default([]),
    madeToOrder: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    makerIds: z.array(z.uuid({ error: 'errors.tampered' })).default([]),
  })
  .refine((v) => (v.seasonStartMonth === null) === (v.seasonEndMonth === null), {
    path: ['seasonEndMonth'],
    error: 'errors.seasonIncomplete',
  })

type VariantRow = Omit<
  VariantInput,
  'priceCentimes' | 'stockQuantity' | 'stockShown' | 'weightGrams'
> & {
  price: string
  stock: string
  stockShown: string
  weight: string
  remove: boolean
}

/** A variant row as typed, to fill the form again after an error. */
export type VariantFormValues = Omit<VariantRow, 'remove' | 'id' | 'labelFr' | 'labelEn'> & {
  id: string
  labelFr: string
  labelEn: string
}

function variantRows(formData: FormData): VariantRow[] {
  const column = (name: string) =>
    formData.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''))
  const ids = column('variantId')
  const skus = column('sku')
  const labelsAr = column('labelAr')
  const labelsFr = column('labelFr')
  const labelsEn = column('labelEn')
  const prices = column('price')
  const stocks = column('stock')
  const stocksShown = column('stockShown')
  const weights = column('weight')
  const removed = new Set(column('removeVariant'))
  return ids.map((id, i) => ({
    id: id || null,
    sku: skus[i] ?? '',
    labelAr: labelsAr[i] ?? '',
    labelFr: labelsFr[i] || null,
    labelEn: labelsEn[i] || null,
    price: prices[i] ?? '',
    stock: stocks[i] ?? '',
    stockShown: stocksShown[i] ?? '',
    weight: weights[i] ?? '',
    remove: Boolean(id) && removed.has(id),
  }))
}

/** The whole product form; variants come as parallel columns, one row per variant. */
export function parseProductForm(
  formData: FormData,
  t: Translate,
):
  | { ok: true; update: ProductUpdate }
  | { ok: false; reply: FormReply & { variantRows: VariantFormValues[] } } {
  const parsed = parseForm(formData, productSchema, t, { arrays: ['claims', 'makerIds'] })
  const fieldErrors: Record<string, string> = parsed.ok ? {} : { ...parsed.reply.fieldErrors }
  const variants: VariantInput[] = []
  const rows = variantRows(formData)
  for (const [index, row] of rows.entries()) {
    if (row.remove) continue
    const blank = !row.id && !row.sku && !row.price && !row.stock
    if (blank) continue
    // Typed numbers are read by app/utils/numbers.ts (Arabic digits, «85,50 درهم»…).
    const price = parseMoney(row.price)
    const stock = parseWholeNumber(row.stock, 6)
    const weight = parseWholeNumber(row.weight, 6)
    const problem =
      !row.sku || row.sku.length > 40 || !/^[A-Za-z0-9._-]+$/.test(row.sku)
        ? 'errors.skuInvalid'
        : price === null || price <= 0
          ? 'errors.priceInvalid'
          : stock === null
            ? 'errors.stockInvalid'
            : weight === null || weight <= 0
              ? 'errors.weightInvalid'
              : row.id && !isUuid(row.id)
                ? 'errors.tampered'
                : null
    if (problem) {
      fieldErrors[`variant-${index}`] = t(problem)
      continue
    }
    variants.push({
      id: row.id,
      sku: row.sku,
      labelAr: row.labelAr,
      labelFr: row.labelFr,
      labelEn: row.labelEn,
      priceCentimes: price!,
      stockQuantity: stock!,
      stockShown: parseWholeNumber(row.stockShown, 6),
      weightGrams: weight!,
    })
  }
  if (variants.length === 0 && !Object.keys(fieldErrors).some((k) => k.startsWith('variant-')))
    fieldErrors.variants = t('errors.variantRequired')
  const imageIds = formData.getAll('imageId').map(String)
  // Each list read once (not once per photo).
  const [altsAr, altsFr, altsEn] = ['altAr', 'altFr', 'altEn'].map((name) => formData.getAll(name))
  const altAt = (list: FormDataEntryValue[] | undefined, i: number) =>
    String(list?.[i] ?? '')
      .trim()
      .slice(0, 200)
  const imageAlts = imageIds.map((id, i) => ({
    id,
    altAr: altAt(altsAr, i),
    altFr: altAt(altsFr, i) || null,
    altEn: altAt(altsEn, i) || null,
  }))
  if (!parsed.ok || Object.keys(fieldErrors).length) {
    const values = Object.fromEntries(
      [...formData.entries()].filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>
    return {
      ok: false,
      reply: {
        status: 'error',
        fieldErrors,
        values,
        formError: t('errors.fixFields'),
        // Every row as typed, so that nothing is lost when one number is wrong.
        variantRows: rows.map(({ remove: _remove, ...row }) => ({
          ...row,
          id: row.id ?? '',
          labelFr: row.labelFr ?? '',
          labelEn: row.labelEn ?? '',
        })),
      },
    }
  }
  const p = parsed.data
  return {
    ok: true,
    update: {
      categoryId: p.categoryId,
      titleAr: p.titleAr,
      titleFr: p.titleFr,
      titleEn: p.titleEn,
      descriptionAr: p.descriptionAr,
      descriptionFr: p.descriptionFr,
      descriptionEn: p.descriptionEn,
      facts: Object.fromEntries(
        Object.entries({
          netQuantity: p.netQuantity,
          ingredients: factFromForm({
            ar: p.ingredients,
            fr: p.ingredientsFr,
            en: p.ingredientsEn,
          }),
          lot: p.lot,
          bestBefore: p.bestBefore,
          volume: p.volume,
          registrationNumber: p.registrationNumber,
          dimensions: p.dimensions,
          material: factFromForm({ ar: p.material, fr: p.materialFr, en: p.materialEn }),
          leadTimeDays: p.leadTimeDays,
          careNotes: factFromForm({ ar: p.careNotes, fr: p.careNotesFr, en: p.careNotesEn }),
        }).filter(([, v]) => v !== null && v !== undefined),
      ),
      seasonStartMonth: p.seasonStartMonth,
      seasonEndMonth: p.seasonEndMonth,
      claims: [...new Set(p.claims)],
      madeToOrder: p.madeToOrder,
      makerIds: p.makerIds,
      variants,
      imageAlts,
    },
  }
}
