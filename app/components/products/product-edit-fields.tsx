// The product edit form's fieldsets (route coop.$slug.products.$productId): what it is, its
// facts (the free-text ones in three languages), its claims, makers, variants and photo texts.
import { useTranslation } from 'react-i18next'
import { Field, FieldError, SelectField, TextAreaField } from '#app/components/forms.tsx'
import { factField, type LocalizedFactKey } from '#app/modules/catalog/facts.ts'
import { type Language } from '#app/modules/i18n/config.ts'

type Values = Record<string, string | undefined>
type Errors = Record<string, string | undefined>

export function AboutFieldset({
  categories,
  values,
  errors,
}: {
  categories: { id: string; name: string }[]
  values: Values
  errors: Errors
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="card flex flex-col gap-4">
      <legend className="text-xl font-semibold">{t('editProduct.about')}</legend>
      <SelectField
        label={t('editProduct.category')}
        name="categoryId"
        defaultValue={values.categoryId}
        error={errors.categoryId}
      >
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('editProduct.titleAr')}
        name="titleAr"
        lang="ar"
        dir="rtl"
        required
        defaultValue={values.titleAr}
        error={errors.titleAr}
      />
      <Field
        label={t('editProduct.titleFr')}
        name="titleFr"
        lang="fr"
        dir="ltr"
        defaultValue={values.titleFr}
        error={errors.titleFr}
      />
      <Field
        label={t('editProduct.titleEn')}
        name="titleEn"
        lang="en"
        dir="ltr"
        defaultValue={values.titleEn}
        error={errors.titleEn}
      />
      <TextAreaField
        label={t('editProduct.descriptionAr')}
        name="descriptionAr"
        lang="ar"
        dir="rtl"
        rows={3}
        defaultValue={values.descriptionAr}
        error={errors.descriptionAr}
      />
      <TextAreaField
        label={t('editProduct.descriptionFr')}
        name="descriptionFr"
        lang="fr"
        dir="ltr"
        rows={3}
        defaultValue={values.descriptionFr}
        error={errors.descriptionFr}
      />
      <TextAreaField
        label={t('editProduct.descriptionEn')}
        name="descriptionEn"
        lang="en"
        dir="ltr"
        rows={3}
        defaultValue={values.descriptionEn}
        error={errors.descriptionEn}
      />
    </fieldset>
  )
}

const factLanguages: { lang: Language; dir: 'rtl' | 'ltr'; label: string }[] = [
  { lang: 'ar', dir: 'rtl', label: 'editProduct.factAr' },
  { lang: 'fr', dir: 'ltr', label: 'editProduct.factFr' },
  { lang: 'en', dir: 'ltr', label: 'editProduct.factEn' },
]

/**
 * A free-text fact in Arabic, French and English, like the product's title: the reader sees
 * her language, else Arabic, else the one that was written (app/modules/catalog/facts.ts).
 */
function LocalizedFact({
  fact,
  rows,
  values,
  errors,
}: {
  fact: LocalizedFactKey
  rows?: number
  values: Values
  errors: Errors
}) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-sand-dark p-3">
      {factLanguages.map(({ lang, dir, label }) => {
        const name = factField(fact, lang)
        const props = {
          label: t(label, { fact: t(`facts.${fact}`) }),
          name,
          lang,
          dir,
          defaultValue: values[name],
          error: errors[name],
        }
        return rows ? (
          <TextAreaField key={lang} rows={rows} {...props} />
        ) : (
          <Field key={lang} {...props} />
        )
      })}
    </div>
  )
}

const months = Array.from({ length: 12 }, (_, i) => i + 1)

export function FactsFieldset({
  kind,
  values,
  errors,
  monthName,
}: {
  kind: string
  values: Values
  errors: Errors
  monthName: (month: number) => string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="card flex flex-col gap-4">
      <legend className="text-xl font-semibold">{t('editProduct.facts')}</legend>
      {kind === 'food' ? (
        <>
          <Field
            label={t('facts.netQuantity')}
            name="netQuantity"
            defaultValue={values.netQuantity}
            error={errors.netQuantity}
          />
          <LocalizedFact fact="ingredients" rows={2} values={values} errors={errors} />
          <Field
            label={t('facts.lot')}
            name="lot"
            dir="ltr"
            defaultValue={values.lot}
            error={errors.lot}
          />
          <Field
            label={t('facts.bestBefore')}
            name="bestBefore"
            dir="ltr"
            defaultValue={values.bestBefore}
            error={errors.bestBefore}
          />
        </>
      ) : kind === 'cosmetic' ? (
        <>
          <Field
            label={t('facts.volume')}
            name="volume"
            defaultValue={values.volume}
            error={errors.volume}
          />
          <Field
            label={t('facts.registrationNumber')}
            name="registrationNumber"
            dir="ltr"
            defaultValue={values.registrationNumber}
            error={errors.registrationNumber}
          />
        </>
      ) : (
        <>
          <Field
            label={t('facts.dimensions')}
            name="dimensions"
            defaultValue={values.dimensions}
            error={errors.dimensions}
          />
          <LocalizedFact fact="material" values={values} errors={errors} />
          <Field
            label={t('facts.leadTimeDays')}
            name="leadTimeDays"
            type="text"
            inputMode="numeric"
            dir="ltr"
            defaultValue={values.leadTimeDays}
            error={errors.leadTimeDays}
          />
          <LocalizedFact fact="careNotes" rows={2} values={values} errors={errors} />
        </>
      )}
      <label className="flex min-h-12 items-center gap-3 font-semibold">
        <input
          type="checkbox"
          name="madeToOrder"
          className="size-6"
          defaultChecked={values.madeToOrder === 'on'}
        />
        {t('editProduct.madeToOrder')}
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('editProduct.seasonStart')}
          name="seasonStartMonth"
          defaultValue={values.seasonStartMonth}
          error={errors.seasonStartMonth}
        >
          <option value="">{t('editProduct.allYear')}</option>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthName(m)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('editProduct.seasonEnd')}
          name="seasonEndMonth"
          defaultValue={values.seasonEndMonth}
          error={errors.seasonEndMonth}
        >
          <option value="">{t('editProduct.allYear')}</option>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthName(m)}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  )
}

export function ClaimsFieldset({
  claimCodes,
  claimNames,
  claims,
  error,
}: {
  claimCodes: readonly string[]
  claimNames: Record<string, string>
  claims: readonly string[]
  error?: string
}) {
  const { t } = useTranslation()
  const errors = { claims: error }
  return (
    <fieldset className="card flex flex-col gap-2">
      <legend className="text-xl font-semibold">{t('editProduct.claims')}</legend>
      <p className="text-ink-soft">{t('editProduct.claimsHint')}</p>
      {claimCodes.map((code) => (
        <label key={code} className="flex min-h-12 items-center gap-3">
          <input
            type="checkbox"
            name="claims"
            value={code}
            className="size-6"
            defaultChecked={claims.includes(code)}
          />
          {claimNames[code]}
        </label>
      ))}
      <FieldError error={errors.claims} />
    </fieldset>
  )
}

export function MakersFieldset({
  makers,
  makerIds,
  error,
}: {
  makers: { id: string; name: string }[]
  makerIds: readonly string[]
  error?: string
}) {
  const { t } = useTranslation()
  const errors = { makerIds: error }
  if (!makers.length) return null
  return (
    <fieldset className="card flex flex-col gap-2">
      <legend className="text-xl font-semibold">{t('editProduct.makers')}</legend>
      {makers.map((m) => (
        <label key={m.id} className="flex min-h-12 items-center gap-3">
          <input
            type="checkbox"
            name="makerIds"
            value={m.id}
            className="size-6"
            defaultChecked={makerIds.includes(m.id)}
          />
          {m.name}
        </label>
      ))}
      <FieldError error={errors.makerIds} />
    </fieldset>
  )
}

export type VariantFormRow = {
  id: string
  sku: string
  labelAr: string
  labelFr: string
  labelEn: string
  price: string
  stock: string
  /** The stock shown when the form was opened (a sale meanwhile is not overwritten). */
  stockShown: string
  weight: string
}

export const blankVariantRow: VariantFormRow = {
  id: '',
  sku: '',
  labelAr: '',
  labelFr: '',
  labelEn: '',
  price: '',
  stock: '',
  stockShown: '',
  weight: '',
}

/** The variants, one row each, and an empty row to add one; after an error, as typed. */
export function VariantsFieldset({ rows, errors }: { rows: VariantFormRow[]; errors: Errors }) {
  const { t } = useTranslation()
  return (
    <fieldset className="card flex flex-col gap-4">
      <legend className="text-xl font-semibold">{t('editProduct.variants')}</legend>
      <FieldError error={errors.variants} />
      {rows.map((v, index) => (
        <div
          key={v.id || `new-${index}`}
          className="flex flex-col gap-3 rounded-xl border border-sand-dark p-3"
        >
          <p className="font-semibold">
            {v.id ? t('editProduct.variantN', { n: index + 1 }) : t('editProduct.newVariant')}
          </p>
          <input type="hidden" name="variantId" value={v.id} />
          <input type="hidden" name="stockShown" value={v.stockShown} />
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label={t('editProduct.sku')} name="sku" dir="ltr" defaultValue={v.sku} />
            <Field
              label={t('editProduct.price')}
              name="price"
              type="text"
              inputMode="decimal"
              dir="ltr"
              defaultValue={v.price}
            />
            <Field
              label={t('editProduct.stock')}
              name="stock"
              type="text"
              inputMode="numeric"
              dir="ltr"
              defaultValue={v.stock}
            />
            <Field
              label={t('editProduct.weight')}
              name="weight"
              type="text"
              inputMode="numeric"
              dir="ltr"
              defaultValue={v.weight}
            />
            <Field
              label={t('editProduct.labelAr')}
              name="labelAr"
              lang="ar"
              dir="rtl"
              defaultValue={v.labelAr}
            />
            <Field
              label={t('editProduct.labelFr')}
              name="labelFr"
              dir="ltr"
              defaultValue={v.labelFr}
            />
            <Field
              label={t('editProduct.labelEn')}
              name="labelEn"
              dir="ltr"
              defaultValue={v.labelEn}
            />
          </div>
          {v.id ? (
            <label className="flex min-h-12 items-center gap-3">
              <input type="checkbox" name="removeVariant" value={v.id} className="size-6" />
              {t('editProduct.removeVariant')}
            </label>
          ) : null}
          <FieldError error={errors[`variant-${index}`]} />
        </div>
      ))}
    </fieldset>
  )
}

export function AltTextsFieldset({
  images,
}: {
  images: { id: string; altAr: string; altFr: string; altEn: string }[]
}) {
  const { t } = useTranslation()
  if (!images.length) return null
  return (
    <fieldset className="card flex flex-col gap-4">
      <legend className="text-xl font-semibold">{t('editProduct.altTexts')}</legend>
      {images.map((img, index) => (
        <div key={img.id} className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="imageId" value={img.id} />
          <Field
            label={t('editProduct.altAr', { n: index + 1 })}
            name="altAr"
            lang="ar"
            dir="rtl"
            defaultValue={img.altAr}
          />
          <Field
            label={t('editProduct.altFr', { n: index + 1 })}
            name="altFr"
            dir="ltr"
            defaultValue={img.altFr}
          />
          <Field
            label={t('editProduct.altEn', { n: index + 1 })}
            name="altEn"
            dir="ltr"
            defaultValue={img.altEn}
          />
        </div>
      ))}
    </fieldset>
  )
}
