import { useTranslation } from 'react-i18next'
import { FileField } from './cooperative-form.tsx'
import { Field, FieldError, TextAreaField } from './forms.tsx'

export function MakerFields({
  values,
  errors,
  hasPhoto,
}: {
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
  hasPhoto: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <Field
        label={t('makers.name')}
        name="name"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <TextAreaField
        label={t('makers.bioAr')}
        name="bioAr"
        dir="rtl"
        lang="ar"
        rows={2}
        defaultValue={values.bioAr}
        error={errors.bioAr}
      />
      <TextAreaField
        label={t('makers.bioFr')}
        name="bioFr"
        dir="ltr"
        lang="fr"
        rows={2}
        defaultValue={values.bioFr}
        error={errors.bioFr}
      />
      <TextAreaField
        label={t('makers.bioEn')}
        name="bioEn"
        dir="ltr"
        lang="en"
        rows={2}
        defaultValue={values.bioEn}
        error={errors.bioEn}
      />
      <FileField
        name="photo"
        label={t('makers.photo')}
        accept="image/jpeg,image/png,image/webp,image/avif"
        error={errors.photo}
      />
      {hasPhoto ? (
        <label className="flex min-h-12 items-center gap-3">
          <input type="checkbox" name="removePhoto" className="size-6" />
          {t('makers.removePhoto')}
        </label>
      ) : null}
      <div>
        <label className="flex min-h-12 items-center gap-3 font-semibold">
          <input
            type="checkbox"
            name="consent"
            className="size-6"
            defaultChecked={values.consent === 'on'}
            aria-describedby="consent-hint"
          />
          {t('makers.consent')}
        </label>
        <p id="consent-hint" className="text-sm text-ink-soft">
          {t('makers.consentHint')}
        </p>
        <FieldError error={errors.consent} />
      </div>
    </>
  )
}
