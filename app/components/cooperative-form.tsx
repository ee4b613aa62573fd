import { useTranslation } from 'react-i18next'
import { type RegionOption } from '#app/modules/reference/places.server.ts'
import { Field, FieldError, SelectField, TextAreaField } from './forms.tsx'
import { RegionProvinceFields } from './region-province.tsx'

type Values = Record<string, string | undefined>
type Errors = Record<string, string | undefined>

/** The legal profile of a cooperative: the join form, a resubmission and a manager's edit. */
export function CooperativeFields({
  mode,
  regions,
  values,
  errors,
}: {
  mode: 'apply' | 'resubmit' | 'edit'
  regions: RegionOption[]
  values: Values
  errors: Errors
}) {
  const { t } = useTranslation()
  const numeric = { inputMode: 'numeric' as const, dir: 'ltr' as const, autoComplete: 'off' }
  return (
    <>
      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t('cooperativeForm.identity')}</legend>
        <Field
          label={t('cooperativeForm.legalNameAr')}
          name="legalNameAr"
          dir="rtl"
          lang="ar"
          required
          defaultValue={values.legalNameAr}
          error={errors.legalNameAr}
        />
        <Field
          label={t('cooperativeForm.legalNameFr')}
          name="legalNameFr"
          dir="ltr"
          lang="fr"
          required
          defaultValue={values.legalNameFr}
          error={errors.legalNameFr}
        />
        <Field
          label={t('cooperativeForm.displayName')}
          hint={t('cooperativeForm.displayNameHint')}
          name="displayName"
          required
          defaultValue={values.displayName}
          error={errors.displayName}
        />
        <SelectField
          label={t('cooperativeForm.category')}
          name="category"
          defaultValue={values.category ?? ''}
          error={errors.category}
          required
        >
          <option value="">{t('cooperativeForm.choose')}</option>
          {(['agricultural', 'craft', 'mixed'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`cooperativeCategory.${c}`)}
            </option>
          ))}
        </SelectField>
        <label className="flex min-h-12 items-center gap-3 font-semibold">
          <input
            type="checkbox"
            name="womenOnly"
            className="size-6"
            defaultChecked={
              values.womenOnly === undefined
                ? true
                : values.womenOnly === 'on' || values.womenOnly === 'true'
            }
          />
          {t('cooperativeForm.womenOnly')}
        </label>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label={t('cooperativeForm.memberCount')}
            name="memberCount"
            {...numeric}
            required
            defaultValue={values.memberCount}
            error={errors.memberCount}
          />
          <Field
            label={t('cooperativeForm.womenMemberCount')}
            name="womenMemberCount"
            {...numeric}
            required
            defaultValue={values.womenMemberCount}
            error={errors.womenMemberCount}
          />
          <Field
            label={t('cooperativeForm.foundedYear')}
            name="foundedYear"
            {...numeric}
            maxLength={4}
            required
            defaultValue={values.foundedYear}
            error={errors.foundedYear}
          />
        </div>
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t('cooperativeForm.registration')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('cooperativeForm.registerNumber')}
            name="registerNumber"
            dir="ltr"
            required
            defaultValue={values.registerNumber}
            error={errors.registerNumber}
          />
          <Field
            label={t('cooperativeForm.registerCourt')}
            name="registerCourt"
            required
            defaultValue={values.registerCourt}
            error={errors.registerCourt}
          />
        </div>
        <Field
          label={t('cooperativeForm.ice')}
          hint={t('cooperativeForm.iceHint')}
          name="ice"
          {...numeric}
          maxLength={20}
          required
          defaultValue={values.ice}
          error={errors.ice}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('cooperativeForm.taxId')}
            name="taxId"
            {...numeric}
            maxLength={12}
            required
            defaultValue={values.taxId}
            error={errors.taxId}
          />
          <SelectField
            label={t('cooperativeForm.vatStatus')}
            name="vatStatus"
            defaultValue={values.vatStatus ?? 'exempt'}
            error={errors.vatStatus}
          >
            <option value="exempt">{t('vatStatus.exempt')}</option>
            <option value="liable">{t('vatStatus.liable')}</option>
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t('cooperativeForm.place')}</legend>
        <RegionProvinceFields
          regions={regions}
          region={values.regionCode}
          province={values.provinceCode}
          errors={errors}
        />
        <Field
          label={t('cooperativeForm.commune')}
          name="commune"
          required
          defaultValue={values.commune}
          error={errors.commune}
        />
        <TextAreaField
          label={t('cooperativeForm.address')}
          hint={t('cooperativeForm.addressHint')}
          name="address"
          rows={2}
          required
          defaultValue={values.address}
          error={errors.address}
        />
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t('cooperativeForm.contact')}</legend>
        <Field
          label={t('cooperativeForm.phone')}
          hint={t('cooperativeForm.phoneHint')}
          name="phone"
          type="tel"
          inputMode="tel"
          dir="ltr"
          autoComplete="tel"
          required
          defaultValue={values.phone}
          error={errors.phone}
        />
        <Field
          label={t('cooperativeForm.email')}
          name="email"
          type="email"
          inputMode="email"
          dir="ltr"
          required
          defaultValue={values.email}
          error={errors.email}
        />
      </fieldset>

      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">{t('cooperativeForm.story')}</legend>
        <TextAreaField
          label={t('cooperativeForm.storyAr')}
          hint={t('cooperativeForm.storyHint')}
          name="storyAr"
          dir="rtl"
          lang="ar"
          rows={5}
          required
          defaultValue={values.storyAr}
          error={errors.storyAr}
        />
        <TextAreaField
          label={t('cooperativeForm.storyFr')}
          name="storyFr"
          dir="ltr"
          lang="fr"
          rows={4}
          defaultValue={values.storyFr}
          error={errors.storyFr}
        />
        <TextAreaField
          label={t('cooperativeForm.storyEn')}
          name="storyEn"
          dir="ltr"
          lang="en"
          rows={4}
          defaultValue={values.storyEn}
          error={errors.storyEn}
        />
      </fieldset>

      {mode !== 'edit' ? (
        <fieldset className="card flex flex-col gap-4">
          <legend className="text-xl font-semibold">{t('cooperativeForm.bank')}</legend>
          <Field
            label={t('cooperativeForm.rib')}
            hint={t('cooperativeForm.ribHint')}
            name="rib"
            {...numeric}
            maxLength={32}
            required
            defaultValue={values.rib}
            error={errors.rib}
          />
          <Field
            label={t('cooperativeForm.accountHolder')}
            name="accountHolder"
            required
            defaultValue={values.accountHolder}
            error={errors.accountHolder}
          />
        </fieldset>
      ) : null}

      <fieldset className="card flex flex-col gap-4">
        <legend className="text-xl font-semibold">
          {mode === 'edit' ? t('cooperativeForm.logoOnly') : t('cooperativeForm.files')}
        </legend>
        {mode !== 'edit' ? (
          <p className="text-ink-soft">
            {mode === 'apply'
              ? t('cooperativeForm.filesHint')
              : t('cooperativeForm.filesResubmitHint')}
          </p>
        ) : null}
        <FileField
          name="logo"
          label={t('cooperativeForm.logo')}
          accept="image/jpeg,image/png,image/webp,image/avif"
          error={errors.logo}
        />
        {mode !== 'edit'
          ? (['statutes', 'register_extract', 'bank_attestation'] as const).map((kind) => (
              <FileField
                key={kind}
                name={kind}
                label={t(`documentKind.${kind}`)}
                accept="application/pdf,image/jpeg,image/png"
                required={mode === 'apply'}
                error={errors[kind]}
              />
            ))
          : null}
      </fieldset>
    </>
  )
}

export function FileField({
  name,
  label,
  accept,
  required,
  multiple,
  error,
}: {
  name: string
  label: string
  accept: string
  required?: boolean
  multiple?: boolean
  error?: string
}) {
  const id = `file-${name}`
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="file"
        name={name}
        accept={accept}
        required={required}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block min-h-12 w-full rounded-lg border-2 border-dashed border-ink-soft/40 bg-white p-2 file:me-3 file:min-h-10 file:rounded-md file:border-0 file:bg-blue-light file:px-3 file:font-semibold file:text-blue-dark"
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}
