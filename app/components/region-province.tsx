import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from './forms.tsx'

type Region = { code: string; name: string; provinces: { code: string; name: string }[] }

/**
 * Region, then province. Without JavaScript the province list is grouped by region (and the
 * server checks that they match); with it, only the chosen region's provinces are offered.
 */
export function RegionProvinceFields({
  regions,
  region,
  province,
  errors,
}: {
  regions: Region[]
  region?: string
  province?: string
  errors: Record<string, string | undefined>
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState(region ?? '')
  const [hydrated, setHydrated] = useState(false)
  const shown = hydrated && chosen ? regions.filter((r) => r.code === chosen) : regions
  return (
    <>
      <SelectField
        label={t('cooperativeForm.region')}
        name="regionCode"
        defaultValue={region ?? ''}
        error={errors.regionCode}
        onChange={(e) => setChosen(e.currentTarget.value)}
        onFocus={() => setHydrated(true)}
        required
      >
        <option value="">{t('cooperativeForm.choose')}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('cooperativeForm.province')}
        hint={t('cooperativeForm.provinceHint')}
        name="provinceCode"
        defaultValue={province ?? ''}
        error={errors.provinceCode}
        required
      >
        <option value="">{t('cooperativeForm.choose')}</option>
        {shown.map((r) => (
          <optgroup key={r.code} label={r.name}>
            {r.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
    </>
  )
}
