// Reference data for the catalogue: certification types and the category tree.
// Facts come from the shared DOMAIN.md ("Certifications and labels",
// "What northern women's cooperatives make"). Seeded once, editable by admins.

export type CertificationCode =
  'onssa' | 'cosmetic_reg' | 'organic' | 'sdoq' | 'halal' | 'fair_trade' | 'handmade'

export type CertificationTypeSeed = {
  code: CertificationCode
  scope: 'cooperative' | 'product' | 'either'
  gates: 'listing' | 'claim'
  hasExpiry: boolean
  nameAr: string
  nameFr: string
  nameEn: string
  descriptionAr: string
  descriptionFr: string
  descriptionEn: string
}

export const certificationTypes: CertificationTypeSeed[] = [
  {
    code: 'onssa',
    scope: 'cooperative',
    gates: 'listing',
    hasExpiry: false,
    nameAr: 'الترخيص الصحي لأونسا',
    nameFr: 'Autorisation sanitaire ONSSA',
    nameEn: 'ONSSA sanitary authorisation',
    descriptionAr:
      'يثبت أن الوحدة التي تنتج المادة الغذائية أو تعبئها أو تضع عليها الملصق مرخصة أو معتمدة من طرف المكتب الوطني للسلامة الصحية للمنتجات الغذائية (أونسا) طبقا للقانون 28.07.',
    descriptionFr:
      "Atteste que l'établissement qui produit, conditionne ou étiquette l'aliment est autorisé ou agréé par l'ONSSA (Office national de sécurité sanitaire des produits alimentaires) au titre de la loi 28-07.",
    descriptionEn:
      'Proves that the establishment producing, packing or labelling the food is authorised or approved by ONSSA, the national food safety office, under law 28-07.',
  },
  {
    code: 'cosmetic_reg',
    scope: 'product',
    gates: 'listing',
    hasExpiry: true,
    nameAr: 'تسجيل مستحضر التجميل',
    nameFr: 'Enregistrement cosmétique',
    nameEn: 'Cosmetic product registration',
    descriptionAr:
      'يثبت أن مستحضر التجميل مسجل لدى الوكالة المغربية للأدوية والمنتجات الصحية (مديرية الأدوية والصيدلة سابقا)، ويُمنح شهادة تسجيل خاصة بكل منتوج.',
    descriptionFr:
      "Atteste que le produit cosmétique est enregistré auprès de l'Agence marocaine du médicament et des produits de santé (AMMPS, ex-DMP), qui délivre un certificat par produit.",
    descriptionEn:
      'Proves that the cosmetic product is registered with the Moroccan medicines and health products agency (AMMPS, formerly DMP), which issues one certificate per product.',
  },
  {
    code: 'organic',
    scope: 'product',
    gates: 'claim',
    hasExpiry: true,
    nameAr: 'منتوج بيولوجي',
    nameFr: 'Agriculture biologique',
    nameEn: 'Organic',
    descriptionAr:
      'يثبت أن المنتوج مطابق لقواعد الإنتاج البيولوجي (علامة «Bio Maroc» طبقا للقانون 39.12 أو ما يعادلها)، ويصدر عن هيئة إشهاد معتمدة مثل إيكوسير.',
    descriptionFr:
      'Atteste que le produit respecte les règles de la production biologique (label Bio Maroc, loi 39-12, ou équivalent) ; délivré par un organisme certificateur agréé comme Ecocert.',
    descriptionEn:
      'Proves that the product follows organic production rules (Bio Maroc label under law 39-12, or equivalent), issued by an approved certification body such as Ecocert.',
  },
  {
    code: 'sdoq',
    scope: 'product',
    gates: 'claim',
    hasExpiry: true,
    nameAr: 'علامة مميزة للمنشأ والجودة',
    nameFr: "Signe d'origine et de qualité",
    nameEn: 'Origin and quality sign',
    descriptionAr:
      'يثبت أن المنتوج يحمل بيانا جغرافيا أو تسمية منشأ أو علامة فلاحية بموجب القانون 25.06، تمنحها وزارة الفلاحة وتراقبها هيئة إشهاد معتمدة.',
    descriptionFr:
      "Atteste que le produit porte une IGP, une AOP ou un Label Agricole au titre de la loi 25-06, reconnu par le ministère de l'Agriculture et contrôlé par un organisme certificateur agréé.",
    descriptionEn:
      'Proves that the product carries a protected geographical indication, designation of origin or Label Agricole under law 25-06, recognised by the Ministry of Agriculture and checked by an approved certification body.',
  },
  {
    code: 'halal',
    scope: 'either',
    gates: 'claim',
    hasExpiry: true,
    nameAr: 'حلال المغرب',
    nameFr: 'Halal Maroc',
    nameEn: 'Halal Maroc',
    descriptionAr:
      'يثبت أن المؤسسة أو المنتوج مطابق لمعايير «حلال المغرب» التي يشهد عليها المعهد المغربي للتقييس (إيمانور).',
    descriptionFr:
      "Atteste que l'établissement ou le produit est conforme aux normes Halal Maroc, certifié par l'Institut marocain de normalisation (IMANOR).",
    descriptionEn:
      'Proves that the organisation or product meets the Halal Maroc standards, certified by IMANOR, the Moroccan standards institute.',
  },
  {
    code: 'fair_trade',
    scope: 'cooperative',
    gates: 'claim',
    hasExpiry: true,
    nameAr: 'التجارة العادلة',
    nameFr: 'Commerce équitable',
    nameEn: 'Fair trade',
    descriptionAr:
      'يثبت أن التعاونية تحترم مبادئ التجارة العادلة، وتشهد عليها منظمة التجارة العادلة العالمية أو «Fair for Life» أو «Fairtrade».',
    descriptionFr:
      'Atteste que la coopérative respecte les principes du commerce équitable, certifiée par WFTO, Fair for Life ou Fairtrade.',
    descriptionEn:
      'Proves that the cooperative follows fair-trade principles, certified by WFTO, Fair for Life or Fairtrade.',
  },
  {
    code: 'handmade',
    scope: 'cooperative',
    gates: 'claim',
    hasExpiry: true,
    nameAr: 'علامة الصنع اليدوي',
    nameFr: 'Label « Maroc Fait Main »',
    nameEn: 'Maroc Fait Main handicraft label',
    descriptionAr:
      'يثبت أن وحدة الإنتاج حاصلة على العلامة الوطنية للصناعة التقليدية «Maroc Fait Main» أو على علامة جماعية، تمنحها وزارة الصناعة التقليدية بعد افتحاص الوحدة.',
    descriptionFr:
      "Atteste que l'unité de production détient le label national de l'artisanat « Maroc Fait Main » ou une marque collective, accordé par le ministère de l'Artisanat après audit.",
    descriptionEn:
      'Proves that the production unit holds the national handicraft label "Maroc Fait Main" or a collective mark, granted by the Ministry of Handicrafts after an audit.',
  },
]

export type CategoryIcon =
  | 'honey'
  | 'oil'
  | 'olive'
  | 'couscous'
  | 'fig'
  | 'almond'
  | 'jam'
  | 'cheese'
  | 'herbs'
  | 'soap'
  | 'cosmetic'
  | 'pottery'
  | 'weaving'
  | 'jewellery'
  | 'basket'
  | 'food'
  | 'craft'

export type CategorySeed = {
  slug: string
  parentSlug: string | null
  kind: 'food' | 'cosmetic' | 'craft'
  icon: CategoryIcon
  requires: CertificationCode[]
  position: number
  nameAr: string
  nameFr: string
  nameEn: string
}

// Parents come before their children. No cannabis-related category (out of scope).
export const categories: CategorySeed[] = [
  // Roots
  {
    slug: 'food',
    parentSlug: null,
    kind: 'food',
    icon: 'food',
    requires: ['onssa'],
    position: 1,
    nameAr: 'مواد غذائية',
    nameFr: 'Alimentation',
    nameEn: 'Food',
  },
  {
    slug: 'cosmetics',
    parentSlug: null,
    kind: 'cosmetic',
    icon: 'cosmetic',
    requires: ['cosmetic_reg'],
    position: 2,
    nameAr: 'مستحضرات التجميل',
    nameFr: 'Cosmétiques',
    nameEn: 'Cosmetics',
  },
  {
    slug: 'crafts',
    parentSlug: null,
    kind: 'craft',
    icon: 'craft',
    requires: [],
    position: 3,
    nameAr: 'الصناعة التقليدية',
    nameFr: 'Artisanat',
    nameEn: 'Crafts',
  },

  // Food
  {
    slug: 'honey',
    parentSlug: 'food',
    kind: 'food',
    icon: 'honey',
    requires: ['onssa'],
    position: 1,
    nameAr: 'العسل',
    nameFr: 'Miel',
    nameEn: 'Honey',
  },
  {
    slug: 'olive-oil',
    parentSlug: 'food',
    kind: 'food',
    icon: 'olive',
    requires: ['onssa'],
    position: 2,
    nameAr: 'زيت الزيتون',
    nameFr: "Huile d'olive",
    nameEn: 'Olive oil',
  },
  {
    slug: 'couscous-grains',
    parentSlug: 'food',
    kind: 'food',
    icon: 'couscous',
    requires: ['onssa'],
    position: 3,
    nameAr: 'الكسكس والحبوب',
    nameFr: 'Couscous et céréales',
    nameEn: 'Couscous and grains',
  },
  {
    slug: 'dried-figs-fruit',
    parentSlug: 'food',
    kind: 'food',
    icon: 'fig',
    requires: ['onssa'],
    position: 4,
    nameAr: 'التين المجفف والفواكه المجففة',
    nameFr: 'Figues et fruits secs',
    nameEn: 'Dried figs and fruit',
  },
  {
    slug: 'almonds-nuts',
    parentSlug: 'food',
    kind: 'food',
    icon: 'almond',
    requires: ['onssa'],
    position: 5,
    nameAr: 'اللوز والمكسرات',
    nameFr: 'Amandes et fruits à coque',
    nameEn: 'Almonds and nuts',
  },
  {
    slug: 'jams',
    parentSlug: 'food',
    kind: 'food',
    icon: 'jam',
    requires: ['onssa'],
    position: 6,
    nameAr: 'المربيات',
    nameFr: 'Confitures',
    nameEn: 'Jams',
  },
  {
    slug: 'goat-cheese',
    parentSlug: 'food',
    kind: 'food',
    icon: 'cheese',
    requires: ['onssa'],
    position: 7,
    nameAr: 'جبن الماعز',
    nameFr: 'Fromage de chèvre',
    nameEn: 'Goat cheese',
  },
  {
    slug: 'herbs-infusions',
    parentSlug: 'food',
    kind: 'food',
    icon: 'herbs',
    requires: ['onssa'],
    position: 8,
    nameAr: 'الأعشاب العطرية والطبية والمنقوعات',
    nameFr: 'Plantes aromatiques, médicinales et infusions',
    nameEn: 'Aromatic and medicinal herbs, infusions',
  },

  // Cosmetics
  {
    slug: 'prickly-pear-seed-oil',
    parentSlug: 'cosmetics',
    kind: 'cosmetic',
    icon: 'oil',
    requires: ['cosmetic_reg'],
    position: 1,
    nameAr: 'زيت بذور التين الشوكي',
    nameFr: 'Huile de pépins de figue de Barbarie',
    nameEn: 'Prickly pear seed oil',
  },
  {
    slug: 'argan-oil',
    parentSlug: 'cosmetics',
    kind: 'cosmetic',
    icon: 'oil',
    requires: ['cosmetic_reg'],
    position: 2,
    nameAr: 'زيت الأركان',
    nameFr: "Huile d'argan",
    nameEn: 'Argan oil',
  },
  {
    slug: 'soaps',
    parentSlug: 'cosmetics',
    kind: 'cosmetic',
    icon: 'soap',
    requires: ['cosmetic_reg'],
    position: 3,
    nameAr: 'الصابون',
    nameFr: 'Savons',
    nameEn: 'Soaps',
  },
  {
    slug: 'creams-balms',
    parentSlug: 'cosmetics',
    kind: 'cosmetic',
    icon: 'cosmetic',
    requires: ['cosmetic_reg'],
    position: 4,
    nameAr: 'الكريمات والمراهم',
    nameFr: 'Crèmes et baumes',
    nameEn: 'Creams and balms',
  },

  // Crafts
  {
    slug: 'pottery',
    parentSlug: 'crafts',
    kind: 'craft',
    icon: 'pottery',
    requires: [],
    position: 1,
    nameAr: 'الفخار',
    nameFr: 'Poterie',
    nameEn: 'Pottery',
  },
  {
    slug: 'weaving-textiles',
    parentSlug: 'crafts',
    kind: 'craft',
    icon: 'weaving',
    requires: [],
    position: 2,
    nameAr: 'النسيج والمنسوجات',
    nameFr: 'Tissage et textiles',
    nameEn: 'Weaving and textiles',
  },
  {
    slug: 'jewellery',
    parentSlug: 'crafts',
    kind: 'craft',
    icon: 'jewellery',
    requires: [],
    position: 3,
    nameAr: 'الحلي',
    nameFr: 'Bijoux',
    nameEn: 'Jewellery',
  },
  {
    slug: 'basketry',
    parentSlug: 'crafts',
    kind: 'craft',
    icon: 'basket',
    requires: [],
    position: 4,
    nameAr: 'صناعة السلال والدوم',
    nameFr: 'Vannerie et doum',
    nameEn: 'Basketry and palm work',
  },
]
