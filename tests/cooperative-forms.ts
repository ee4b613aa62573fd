// A complete, valid join form, as a cooperative would fill it in.
import { pdfFile, pngFile } from './files.ts'

export const validApplication = {
  legalNameAr: 'تعاونية تيفاوين النسوية',
  legalNameFr: 'Coopérative féminine Tifawin',
  displayName: 'Tifawin',
  category: 'craft',
  womenOnly: 'on',
  memberCount: '14',
  womenMemberCount: '14',
  foundedYear: '2016',
  registerNumber: '2016/112',
  registerCourt: "Tribunal de première instance d'Al Hoceima",
  ice: '001561191000066',
  taxId: '40123456',
  vatStatus: 'exempt',
  regionCode: 'tanger-tetouan-al-hoceima',
  provinceCode: 'al-hoceima',
  commune: 'Beni Bouayach',
  address: 'Douar Tazourakht, près de l’école',
  phone: '06 12 34 56 78',
  email: 'contact@tifawin.example',
  storyAr: 'نساء من دواوير بني بوعياش يصنعن الفخار بأيديهن كما علمتهن أمهاتهن.',
  storyFr: '',
  storyEn: 'Women of Beni Bouayach shape pottery by hand, as their mothers taught them.',
  rib: '001810007800020110620318',
  accountHolder: 'Coopérative féminine Tifawin',
}

export async function applicationForm(
  overrides: Record<string, string | File | null> = {},
  account?: { name: string; email: string; password: string },
) {
  const form = new FormData()
  const fields: Record<string, string | File | null> = { ...validApplication, ...overrides }
  for (const [key, value] of Object.entries(fields)) if (value !== null) form.append(key, value)
  if (account) {
    form.append('applicantName', account.name)
    form.append('applicantEmail', account.email)
    form.append('applicantPassword', account.password)
  }
  if (!('logo' in overrides)) form.append('logo', await pngFile())
  for (const kind of ['statutes', 'register_extract', 'bank_attestation']) {
    if (!(kind in overrides)) form.append(kind, pdfFile(`${kind}.pdf`))
  }
  return form
}
