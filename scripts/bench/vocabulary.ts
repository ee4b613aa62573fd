// The words the benchmark catalogue is built from: what the cooperatives really make, named
// the way they name it in Arabic, French and English. Entries are aligned across languages,
// so a product's three titles say the same thing and a search in any language finds it.
import { type CertificationCode } from '#db/schema/reference.ts'

/** Arabic, French, English. */
export type Words = [ar: string, fr: string, en: string]

export type Picture = 'jar' | 'bottle' | 'bowl' | 'weave' | 'bar' | 'pile' | 'leaf'
export type Kind = 'food' | 'cosmetic' | 'craft'
export type Unit = 'weight' | 'volume' | 'gram' | 'bars' | 'size' | 'rug'

export type ProductFamily = {
  /** A category slug of the reference data (a leaf, or a top-level one). */
  category: string
  kind: Kind
  picture: Picture
  /** How often this family turns up, relative to the others. */
  frequency: number
  /** Titles with the slug stem of each. */
  titles: { words: Words; slug: string }[]
  /** The sentence that opens each description. */
  sentence: Words
  /** Claims a product of the family may make, when its cooperative holds the certificate. */
  claims: CertificationCode[]
  unit: Unit
  /** Price of the first variant, in dirhams. */
  price: [min: number, max: number]
  /** Share of made-to-order products. */
  madeToOrder?: number
  season?: [start: number, end: number]
  /** The sign an origin and quality certificate of the family names. */
  sign?: string
}

export const families: ProductFamily[] = [
  {
    category: 'honey',
    kind: 'food',
    picture: 'jar',
    frequency: 8,
    titles: [
      { words: ['عسل الزعتر', 'Miel de thym', 'Thyme honey'], slug: 'miel-de-thym' },
      { words: ['عسل الدغموس', "Miel d'euphorbe", 'Euphorbia honey'], slug: 'miel-d-euphorbe' },
      { words: ['عسل السدر', 'Miel de jujubier', 'Jujube honey'], slug: 'miel-de-jujubier' },
      { words: ['عسل الخروب', 'Miel de caroube', 'Carob honey'], slug: 'miel-de-caroube' },
      { words: ['عسل جبلي حر', 'Miel de montagne', 'Mountain honey'], slug: 'miel-de-montagne' },
      {
        words: ['عسل الزهور البرية', 'Miel de fleurs sauvages', 'Wildflower honey'],
        slug: 'miel-de-fleurs',
      },
      {
        words: ['عسل البرتقال', "Miel de fleur d'oranger", 'Orange blossom honey'],
        slug: 'miel-d-oranger',
      },
    ],
    sentence: [
      'عسل حر تجنيه النحالات من خلايا تقليدية ولا يُسخَّن ولا يُخلط.',
      'Un miel pur récolté par les apicultrices dans des ruches traditionnelles, ni chauffé ni mélangé.',
      'Pure honey gathered by women beekeepers from traditional hives, never heated or blended.',
    ],
    claims: ['organic', 'sdoq'],
    unit: 'weight',
    price: [90, 350],
    sign: 'IGP Miel d’euphorbe de Tadla-Azilal',
  },
  {
    category: 'almonds-nuts',
    kind: 'food',
    picture: 'jar',
    frequency: 5,
    titles: [
      {
        words: [
          'أملو باللوز وزيت الأركان',
          "Amlou aux amandes et à l'huile d'argan",
          'Amlou with almonds and argan oil',
        ],
        slug: 'amlou-amandes-argan',
      },
      { words: ['أملو بالعسل', 'Amlou au miel', 'Amlou with honey'], slug: 'amlou-au-miel' },
      { words: ['أملو تقليدي', 'Amlou traditionnel', 'Traditional amlou'], slug: 'amlou' },
      { words: ['لوز بلدي', 'Amandes beldi', 'Beldi almonds'], slug: 'amandes-beldi' },
      { words: ['لوز محمص', 'Amandes grillées', 'Roasted almonds'], slug: 'amandes-grillees' },
      { words: ['جوز الأطلس', "Noix de l'Atlas", 'Atlas walnuts'], slug: 'noix' },
    ],
    sentence: [
      'لوز بلدي يُقشَّر ويُحمَّص على نار هادئة ثم يُطحن بالرحى الحجرية.',
      'Des amandes beldi décortiquées, grillées à feu doux puis moulues à la meule de pierre.',
      'Beldi almonds shelled, slowly roasted and ground on a stone mill.',
    ],
    claims: ['organic', 'halal'],
    unit: 'weight',
    price: [60, 180],
  },
  {
    category: 'couscous-grains',
    kind: 'food',
    picture: 'bowl',
    frequency: 7,
    titles: [
      { words: ['كسكس الشعير', "Couscous d'orge", 'Barley couscous'], slug: 'couscous-d-orge' },
      {
        words: ['كسكس القمح الصلب', 'Couscous de blé dur', 'Durum wheat couscous'],
        slug: 'couscous-ble-dur',
      },
      { words: ['كسكس الذرة', 'Couscous de maïs', 'Corn couscous'], slug: 'couscous-de-mais' },
      { words: ['بركوكش', 'Berkoukech', 'Berkoukech pearl couscous'], slug: 'berkoukech' },
      { words: ['دشيشة الشعير', "Dchicha d'orge", 'Cracked barley dchicha'], slug: 'dchicha' },
      {
        words: ['سميد مفتول باليد', 'Semoule roulée à la main', 'Hand-rolled semolina'],
        slug: 'semoule',
      },
    ],
    sentence: [
      'يُفتل باليد في الدوار ويُجفَّف في الظل كما كانت تفعل الجدات.',
      "Roulé à la main au douar et séché à l'ombre, comme le faisaient les grands-mères.",
      'Rolled by hand in the village and dried in the shade, as grandmothers did.',
    ],
    claims: ['organic', 'halal'],
    unit: 'weight',
    price: [25, 70],
  },
  {
    category: 'dried-figs-fruit',
    kind: 'food',
    picture: 'pile',
    frequency: 5,
    titles: [
      { words: ['تين مجفف', 'Figues séchées', 'Dried figs'], slug: 'figues-sechees' },
      { words: ['شريحة التين', 'Chapelet de figues séchées', 'Dried fig string'], slug: 'chriha' },
      { words: ['تمر المجهول', 'Dattes Mejhoul', 'Medjool dates'], slug: 'dattes-mejhoul' },
      { words: ['زبيب بلدي', 'Raisins secs beldi', 'Beldi raisins'], slug: 'raisins-secs' },
      { words: ['مشمش مجفف', 'Abricots secs', 'Dried apricots'], slug: 'abricots-secs' },
    ],
    sentence: [
      'فواكه تُجنى في أوانها وتُجفَّف تحت شمس الجبل دون أي مادة حافظة.',
      'Des fruits cueillis à maturité et séchés au soleil de la montagne, sans conservateur.',
      'Fruit picked ripe and dried in the mountain sun, with no preservative.',
    ],
    claims: ['organic', 'sdoq'],
    unit: 'weight',
    price: [40, 140],
    season: [8, 11],
    sign: 'IGP Figue Nabout de Taounate',
  },
  {
    category: 'jams',
    kind: 'food',
    picture: 'jar',
    frequency: 3,
    titles: [
      { words: ['مربى التين', 'Confiture de figues', 'Fig jam'], slug: 'confiture-de-figues' },
      {
        words: ['مربى البرتقال', "Confiture d'oranges", 'Orange marmalade'],
        slug: 'confiture-d-oranges',
      },
      {
        words: ['مربى التين الشوكي', 'Confiture de figue de Barbarie', 'Prickly pear jam'],
        slug: 'confiture-figue-de-barbarie',
      },
      {
        words: ['مربى الفراولة', 'Confiture de fraises', 'Strawberry jam'],
        slug: 'confiture-de-fraises',
      },
    ],
    sentence: [
      'مربى يُطهى في قدور صغيرة بفواكه الموسم وقليل من السكر.',
      'Une confiture cuite en petits chaudrons avec les fruits de saison et peu de sucre.',
      'Jam cooked in small pots with seasonal fruit and little sugar.',
    ],
    claims: ['organic'],
    unit: 'weight',
    price: [30, 75],
  },
  {
    category: 'goat-cheese',
    kind: 'food',
    picture: 'bar',
    frequency: 2,
    titles: [
      {
        words: ['جبن الماعز الطري', 'Fromage de chèvre frais', 'Fresh goat cheese'],
        slug: 'chevre-frais',
      },
      {
        words: ['جبن شفشاون', 'Fromage de chèvre de Chefchaouen', 'Chefchaouen goat cheese'],
        slug: 'chevre-chefchaouen',
      },
      {
        words: ['جبن الماعز المعتق', 'Fromage de chèvre affiné', 'Aged goat cheese'],
        slug: 'chevre-affine',
      },
    ],
    sentence: [
      'جبن يُصنع كل صباح من حليب ماعز الجبل ويُلفّ في أوراق الدوم.',
      'Un fromage fait chaque matin avec le lait des chèvres de montagne, enveloppé de doum.',
      'Cheese made every morning from mountain goat milk and wrapped in palm leaves.',
    ],
    claims: ['halal'],
    unit: 'weight',
    price: [35, 90],
  },
  {
    category: 'herbs-infusions',
    kind: 'food',
    picture: 'leaf',
    frequency: 6,
    titles: [
      { words: ['زعتر بلدي', 'Thym beldi', 'Beldi thyme'], slug: 'thym' },
      { words: ['إكليل الجبل', 'Romarin', 'Rosemary'], slug: 'romarin' },
      { words: ['نعناع مجفف', 'Menthe séchée', 'Dried mint'], slug: 'menthe-sechee' },
      { words: ['فليو', 'Menthe pouliot', 'Pennyroyal'], slug: 'menthe-pouliot' },
      { words: ['لويزة', 'Verveine', 'Lemon verbena'], slug: 'verveine' },
      {
        words: ['خليط أعشاب للشاي', 'Mélange de plantes pour le thé', 'Herb blend for tea'],
        slug: 'melange-the',
      },
      { words: ['شيبة', 'Absinthe (chiba)', 'Wormwood (chiba)'], slug: 'chiba' },
    ],
    sentence: [
      'أعشاب تُقطف من الجبل وتُجفَّف في الظل لتحافظ على عطرها.',
      "Des plantes cueillies dans la montagne et séchées à l'ombre pour garder leur parfum.",
      'Herbs picked on the mountain and dried in the shade to keep their scent.',
    ],
    claims: ['organic'],
    unit: 'weight',
    price: [20, 60],
  },
  {
    category: 'olive-oil',
    kind: 'food',
    picture: 'bottle',
    frequency: 7,
    titles: [
      {
        words: [
          'زيت الزيتون البكر الممتاز',
          "Huile d'olive extra vierge",
          'Extra virgin olive oil',
        ],
        slug: 'huile-d-olive-extra-vierge',
      },
      {
        words: ['زيت زيتون بلدي', "Huile d'olive beldi", 'Beldi olive oil'],
        slug: 'huile-d-olive-beldi',
      },
      {
        words: [
          'زيت الزيتون معصور على البارد',
          "Huile d'olive pressée à froid",
          'Cold-pressed olive oil',
        ],
        slug: 'huile-d-olive-pressee-a-froid',
      },
      {
        words: ['زيت العود', "Huile d'olive de la meule", 'Stone-milled olive oil'],
        slug: 'huile-de-meule',
      },
    ],
    sentence: [
      'زيتون يُجنى باليد ويُعصر في المعصرة خلال يوم من قطفه.',
      'Des olives cueillies à la main et pressées au moulin dans la journée.',
      'Olives picked by hand and pressed at the mill the same day.',
    ],
    claims: ['organic', 'sdoq', 'halal'],
    unit: 'volume',
    price: [70, 160],
    sign: 'IGP Huile d’olive de Tafersite',
  },
  {
    category: 'food',
    kind: 'food',
    picture: 'leaf',
    frequency: 6,
    titles: [
      {
        words: ['زعفران تالوين', 'Safran de Taliouine', 'Taliouine saffron'],
        slug: 'safran-de-taliouine',
      },
      { words: ['زعفران حر', 'Safran pur en pistils', 'Pure saffron threads'], slug: 'safran' },
      {
        words: ['رأس الحانوت', 'Ras el hanout', 'Ras el hanout spice blend'],
        slug: 'ras-el-hanout',
      },
      { words: ['كمون بلدي', 'Cumin beldi', 'Beldi cumin'], slug: 'cumin' },
      {
        words: ['زيتون أسود مملح', 'Olives noires confites', 'Cured black olives'],
        slug: 'olives-noires',
      },
      { words: ['حامض مصبر', 'Citrons confits', 'Preserved lemons'], slug: 'citrons-confits' },
      { words: ['سمن بلدي', 'Smen (beurre rance)', 'Smen aged butter'], slug: 'smen' },
    ],
    sentence: [
      'من مطبخ الدوار: مكونات تُعَدّ يدويا بكميات صغيرة.',
      'De la cuisine du douar : des produits préparés à la main, en petites quantités.',
      'From the village kitchen: goods prepared by hand in small batches.',
    ],
    claims: ['organic', 'sdoq', 'halal'],
    unit: 'gram',
    price: [30, 260],
    sign: 'AOP Safran de Taliouine',
  },
  {
    category: 'argan-oil',
    kind: 'cosmetic',
    picture: 'bottle',
    frequency: 9,
    titles: [
      {
        words: ['زيت الأركان التجميلي', "Huile d'argan cosmétique", 'Cosmetic argan oil'],
        slug: 'huile-d-argan-cosmetique',
      },
      {
        words: ['زيت الاركان البكر', "Huile d'argan vierge", 'Virgin argan oil'],
        slug: 'huile-d-argan-vierge',
      },
      {
        words: ['زيت أركان للشعر', "Huile d'argan pour les cheveux", 'Argan hair oil'],
        slug: 'huile-d-argan-cheveux',
      },
      {
        words: [
          'زيت أركان معطر بالورد',
          "Huile d'argan parfumée à la rose",
          'Rose-scented argan oil',
        ],
        slug: 'huile-d-argan-rose',
      },
    ],
    sentence: [
      'زيت أركان يُستخرج من لوز الأركان بعد تكسيره يدويا على الحجر.',
      "Une huile d'argan extraite des amandons concassés à la main sur la pierre.",
      'Argan oil pressed from kernels cracked by hand on stone.',
    ],
    claims: ['organic', 'sdoq', 'fair_trade'],
    unit: 'volume',
    price: [90, 280],
    sign: 'IGP Argane',
  },
  {
    category: 'prickly-pear-seed-oil',
    kind: 'cosmetic',
    picture: 'bottle',
    frequency: 3,
    titles: [
      {
        words: [
          'زيت بذور التين الشوكي',
          'Huile de pépins de figue de Barbarie',
          'Prickly pear seed oil',
        ],
        slug: 'huile-figue-de-barbarie',
      },
      {
        words: ['زيت الهندية للوجه', 'Sérum de figue de Barbarie', 'Prickly pear face serum'],
        slug: 'serum-figue-de-barbarie',
      },
    ],
    sentence: [
      'يلزم نحو طن من ثمار الهندية للحصول على لتر واحد من هذا الزيت النادر.',
      "Il faut près d'une tonne de figues de Barbarie pour obtenir un litre de cette huile rare.",
      'It takes about a tonne of prickly pears to make one litre of this rare oil.',
    ],
    claims: ['organic'],
    unit: 'volume',
    price: [180, 600],
  },
  {
    category: 'soaps',
    kind: 'cosmetic',
    picture: 'bar',
    frequency: 4,
    titles: [
      { words: ['الصابون البلدي', 'Savon noir beldi', 'Beldi black soap'], slug: 'savon-noir' },
      {
        words: ['صابون بزيت الزيتون', "Savon à l'huile d'olive", 'Olive oil soap'],
        slug: 'savon-huile-d-olive',
      },
      { words: ['صابون الأركان', "Savon à l'argan", 'Argan soap'], slug: 'savon-argan' },
      {
        words: ['صابون بالغاسول', 'Savon au ghassoul', 'Ghassoul clay soap'],
        slug: 'savon-ghassoul',
      },
    ],
    sentence: [
      'صابون يُطبخ على البارد ويُترك شهرا كاملا ليجف.',
      'Un savon saponifié à froid et laissé sécher un mois entier.',
      'Cold-process soap left to cure for a full month.',
    ],
    claims: ['organic'],
    unit: 'bars',
    price: [25, 70],
  },
  {
    category: 'creams-balms',
    kind: 'cosmetic',
    picture: 'jar',
    frequency: 3,
    titles: [
      {
        words: ['كريم بزيت الأركان', "Crème à l'huile d'argan", 'Argan oil cream'],
        slug: 'creme-argan',
      },
      {
        words: ['مرهم بشمع العسل', "Baume à la cire d'abeille", 'Beeswax balm'],
        slug: 'baume-cire',
      },
      {
        words: ['كريم اليدين بالورد', 'Crème pour les mains à la rose', 'Rose hand cream'],
        slug: 'creme-mains-rose',
      },
    ],
    sentence: [
      'مستحضر بسيط بمكونات قليلة معروفة، يُحضَّر في مختبر التعاونية.',
      'Une préparation simple aux ingrédients connus, faite au laboratoire de la coopérative.',
      "A simple preparation of a few known ingredients, made in the cooperative's workshop.",
    ],
    claims: ['organic'],
    unit: 'volume',
    price: [60, 190],
  },
  {
    category: 'cosmetics',
    kind: 'cosmetic',
    picture: 'bottle',
    frequency: 4,
    titles: [
      { words: ['ماء الورد', 'Eau de rose', 'Rose water'], slug: 'eau-de-rose' },
      {
        words: ['ماء الزهر', "Eau de fleur d'oranger", 'Orange blossom water'],
        slug: 'eau-de-fleur-d-oranger',
      },
      { words: ['الغاسول', 'Ghassoul (argile)', 'Ghassoul clay'], slug: 'ghassoul' },
      { words: ['الحناء', 'Henné naturel', 'Natural henna'], slug: 'henne' },
      { words: ['الكحل البلدي', 'Khôl traditionnel', 'Traditional kohl'], slug: 'khol' },
    ],
    sentence: [
      'من أسرار الحمام المغربي، يُقطَّر ويُعبَّأ في التعاونية.',
      'Un secret du hammam marocain, distillé et conditionné à la coopérative.',
      'A secret of the Moroccan hammam, distilled and bottled at the cooperative.',
    ],
    claims: ['organic', 'sdoq'],
    unit: 'volume',
    price: [30, 120],
    sign: 'IGP Rose de Kelâat M’Gouna-Dadès',
  },
  {
    category: 'pottery',
    kind: 'craft',
    picture: 'bowl',
    frequency: 6,
    titles: [
      {
        words: ['طاجين فخاري', 'Tajine en terre cuite', 'Clay tagine'],
        slug: 'tajine-terre-cuite',
      },
      {
        words: ['صحن فخار مزخرف', 'Plat en céramique peint', 'Painted ceramic dish'],
        slug: 'plat-ceramique',
      },
      {
        words: ['فخار تمكروت الأخضر', 'Poterie verte de Tamegroute', 'Tamegroute green pottery'],
        slug: 'poterie-tamegroute',
      },
      { words: ['إبريق فخاري', 'Cruche en terre cuite', 'Clay jug'], slug: 'cruche' },
      { words: ['فخار الريف', 'Poterie du Rif', 'Rif pottery'], slug: 'poterie-du-rif' },
    ],
    sentence: [
      'يُشكَّل باليد دون دولاب ويُطهى في فرن الحطب كما في فخار نساء الريف.',
      'Façonné à la main sans tour et cuit au four à bois, comme la poterie des femmes du Rif.',
      "Shaped by hand without a wheel and fired in a wood kiln, like the Rif women's pottery.",
    ],
    claims: ['handmade', 'fair_trade'],
    unit: 'size',
    price: [80, 450],
    madeToOrder: 0.3,
  },
  {
    category: 'weaving-textiles',
    kind: 'craft',
    picture: 'weave',
    frequency: 7,
    titles: [
      { words: ['زربية أمازيغية', 'Tapis berbère', 'Berber rug'], slug: 'tapis-berbere' },
      { words: ['حنبل منسوج', 'Hanbel tissé', 'Woven hanbel kilim'], slug: 'hanbel' },
      {
        words: ['زربية بني ورين', 'Tapis Beni Ouarain', 'Beni Ourain rug'],
        slug: 'tapis-beni-ouarain',
      },
      { words: ['بطانية صوفية', 'Couverture en laine', 'Wool blanket'], slug: 'couverture-laine' },
      {
        words: ['منديل جبلي مخطط', 'Mendil rayé de montagne', 'Striped mountain mendil'],
        slug: 'mendil',
      },
      { words: ['وسادة منسوجة', 'Coussin tissé', 'Woven cushion'], slug: 'coussin-tisse' },
    ],
    sentence: [
      'يُنسج على المنسج التقليدي من صوف يُغزل ويُصبغ في التعاونية.',
      'Tissé sur le métier traditionnel avec une laine filée et teinte à la coopérative.',
      'Woven on the traditional loom from wool spun and dyed at the cooperative.',
    ],
    claims: ['handmade', 'fair_trade'],
    unit: 'rug',
    price: [250, 4500],
    madeToOrder: 0.5,
  },
  {
    category: 'jewellery',
    kind: 'craft',
    picture: 'pile',
    frequency: 3,
    titles: [
      { words: ['قلادة أمازيغية', 'Collier berbère', 'Berber necklace'], slug: 'collier-berbere' },
      {
        words: ['خلخال فضي', 'Bracelet de cheville en argent', 'Silver anklet'],
        slug: 'bracelet-cheville',
      },
      {
        words: ['أقراط فضية', "Boucles d'oreilles en argent", 'Silver earrings'],
        slug: 'boucles-d-oreilles',
      },
      { words: ['خلالة فضية', 'Fibule en argent', 'Silver fibula brooch'], slug: 'fibule' },
    ],
    sentence: [
      'حلي من الفضة والمرجان تُصاغ على طريقة صائغات الجنوب.',
      "Des bijoux d'argent et de corail façonnés à la manière des orfèvres du Sud.",
      'Silver and coral jewellery made the way the southern silversmiths do.',
    ],
    claims: ['handmade'],
    unit: 'size',
    price: [120, 900],
    madeToOrder: 0.4,
  },
  {
    category: 'basketry',
    kind: 'craft',
    picture: 'weave',
    frequency: 4,
    titles: [
      { words: ['سلة الدوم', 'Panier en doum', 'Doum palm basket'], slug: 'panier-doum' },
      { words: ['قفة السوق', 'Couffin du marché', 'Market basket'], slug: 'couffin' },
      { words: ['حصير منسوج', 'Natte tressée', 'Woven mat'], slug: 'natte' },
      { words: ['قبعة الدوم', 'Chapeau en doum', 'Doum palm hat'], slug: 'chapeau-doum' },
      {
        words: ['طبق الخبز من الحلفاء', 'Corbeille à pain en alfa', 'Alfa grass bread basket'],
        slug: 'corbeille-alfa',
      },
    ],
    sentence: [
      'يُضفر من سعف الدوم الذي تجمعه النساء من سفوح الجبال.',
      'Tressé avec les feuilles de doum que les femmes ramassent au pied des montagnes.',
      'Plaited from dwarf palm leaves the women gather on the hillsides.',
    ],
    claims: ['handmade', 'fair_trade'],
    unit: 'size',
    price: [40, 300],
    madeToOrder: 0.2,
  },
  {
    category: 'crafts',
    kind: 'craft',
    picture: 'weave',
    frequency: 3,
    titles: [
      { words: ['بلغة جلدية', 'Babouches en cuir', 'Leather babouches'], slug: 'babouches' },
      {
        words: ['طرز تطواني', 'Broderie de Tétouan', 'Tetouan embroidery'],
        slug: 'broderie-tetouan',
      },
      { words: ['حقيبة جلدية', 'Sac en cuir', 'Leather bag'], slug: 'sac-cuir' },
      { words: ['مرآة مزخرفة', 'Miroir décoré', 'Decorated mirror'], slug: 'miroir' },
    ],
    sentence: [
      'قطعة من الصناعة التقليدية تُصنع بصبر في ورشة التعاونية.',
      "Une pièce d'artisanat faite avec patience dans l'atelier de la coopérative.",
      "A handicraft piece made with patience in the cooperative's workshop.",
    ],
    claims: ['handmade'],
    unit: 'size',
    price: [90, 700],
    madeToOrder: 0.3,
  },
]

/** Words that may follow a title, by kind of product. */
export const complements: Record<Kind, Words[]> = {
  food: [
    ['من جبال الريف', 'des montagnes du Rif', 'from the Rif mountains'],
    ['من الأطلس', "de l'Atlas", 'from the Atlas'],
    ['من الحصاد الجديد', 'de la nouvelle récolte', 'from the new harvest'],
    ['على الطريقة التقليدية', "à l'ancienne", 'the traditional way'],
    ['من الدوار', 'du douar', 'from the village'],
    ['من سوس', 'du Souss', 'from the Souss'],
  ],
  cosmetic: [
    ['بدون عطور مضافة', 'sans parfum ajouté', 'fragrance-free'],
    ['من سوس', 'du Souss', 'from the Souss'],
    ['من وادي الورود', 'de la vallée des roses', 'from the Valley of Roses'],
    ['بوصفة الجدات', 'recette des grands-mères', "grandmothers' recipe"],
    ['للبشرة الجافة', 'pour peau sèche', 'for dry skin'],
    ['للشعر', 'pour les cheveux', 'for hair'],
  ],
  craft: [
    ['مصنوع يدويا', 'fait main', 'handmade'],
    ['بألوان طبيعية', 'aux teintures naturelles', 'with natural dyes'],
    ['بزخارف أمازيغية', 'aux motifs amazighs', 'with Amazigh patterns'],
    ['من الريف', 'du Rif', 'from the Rif'],
    ['قطعة فريدة', 'pièce unique', 'one of a kind'],
    ['من الأطلس المتوسط', 'du Moyen Atlas', 'from the Middle Atlas'],
  ],
}

/** A second sentence of each description, by kind. */
export const kindSentences: Record<Kind, Words[]> = {
  food: [
    [
      'بدون مواد حافظة ولا إضافات.',
      'Sans conservateur ni additif.',
      'No preservatives or additives.',
    ],
    [
      'يُحفظ في مكان جاف بعيدا عن الضوء.',
      "À conserver au sec et à l'abri de la lumière.",
      'Keep dry and away from light.',
    ],
    [
      'يُعبَّأ في مرطبانات زجاجية قابلة لإعادة الاستعمال.',
      'Conditionné en bocaux de verre réutilisables.',
      'Packed in reusable glass jars.',
    ],
    [
      'يرافق الشاي والخبز البلدي في الفطور.',
      'Il accompagne le thé et le pain beldi au petit-déjeuner.',
      'It goes with tea and beldi bread at breakfast.',
    ],
  ],
  cosmetic: [
    [
      'للاستعمال الخارجي فقط، يُجرَّب على جزء صغير من البشرة أولا.',
      "Usage externe uniquement ; faire un essai sur une petite zone de peau d'abord.",
      'External use only; try it on a small patch of skin first.',
    ],
    [
      'يُحفظ في قنينة داكنة بعيدا عن الحرارة.',
      "Conservé en flacon teinté, à l'abri de la chaleur.",
      'Kept in a tinted bottle, away from heat.',
    ],
    [
      'بدون بارابين ولا ألوان اصطناعية.',
      'Sans parabènes ni colorants artificiels.',
      'No parabens or artificial colours.',
    ],
  ],
  craft: [
    [
      'كل قطعة تختلف قليلا عن الأخرى لأنها مصنوعة باليد.',
      "Chaque pièce diffère un peu de l'autre, car elle est faite à la main.",
      'Each piece differs slightly from the next, since it is made by hand.',
    ],
    ['تُنظَّف بقطعة قماش جافة.', "S'entretient avec un chiffon sec.", 'Clean with a dry cloth.'],
    [
      'تحمل توقيع الصانعة ورمز التعاونية.',
      "Porte la signature de l'artisane et le sigle de la coopérative.",
      "Bears the maker's signature and the cooperative's mark.",
    ],
  ],
}

/** Variant labels, shipping weight in grams and price factor of the 1st, 2nd and 3rd variant. */
export const units: Record<Unit, { words: Words; grams: number; factor: number }[]> = {
  weight: [
    { words: ['250 غ', '250 g', '250 g'], grams: 300, factor: 1 },
    { words: ['500 غ', '500 g', '500 g'], grams: 560, factor: 1.8 },
    { words: ['1 كغ', '1 kg', '1 kg'], grams: 1100, factor: 3.4 },
  ],
  volume: [
    { words: ['100 مل', '100 ml', '100 ml'], grams: 180, factor: 1 },
    { words: ['250 مل', '250 ml', '250 ml'], grams: 380, factor: 2.2 },
    { words: ['500 مل', '500 ml', '500 ml'], grams: 700, factor: 4 },
  ],
  gram: [
    { words: ['علبة صغيرة', 'Petite boîte', 'Small box'], grams: 60, factor: 1 },
    { words: ['علبة متوسطة', 'Boîte moyenne', 'Medium box'], grams: 120, factor: 1.9 },
    { words: ['علبة كبيرة', 'Grande boîte', 'Large box'], grams: 250, factor: 3.5 },
  ],
  bars: [
    { words: ['قطعة واحدة', '1 pièce', '1 bar'], grams: 130, factor: 1 },
    { words: ['علبة من 3 قطع', 'Lot de 3', 'Pack of 3'], grams: 380, factor: 2.7 },
    { words: ['علبة من 6 قطع', 'Lot de 6', 'Pack of 6'], grams: 750, factor: 5 },
  ],
  size: [
    { words: ['صغير', 'Petit', 'Small'], grams: 400, factor: 1 },
    { words: ['متوسط', 'Moyen', 'Medium'], grams: 900, factor: 1.6 },
    { words: ['كبير', 'Grand', 'Large'], grams: 1800, factor: 2.5 },
  ],
  rug: [
    { words: ['120 × 80 سم', '120 × 80 cm', '120 × 80 cm'], grams: 2500, factor: 1 },
    { words: ['200 × 140 سم', '200 × 140 cm', '200 × 140 cm'], grams: 6000, factor: 2.4 },
    { words: ['300 × 200 سم', '300 × 200 cm', '300 × 200 cm'], grams: 11000, factor: 4.5 },
  ],
}

/** First words of cooperative names. */
export const cooperativeNames: Words[] = [
  ['تيفاوين', 'Tifawin', 'Tifawin'],
  ['الأمل', 'Al Amal', 'Al Amal'],
  ['النور', 'Annour', 'Annour'],
  ['تافوكت', 'Tafoukt', 'Tafoukt'],
  ['البركة', 'Al Baraka', 'Al Baraka'],
  ['تويزي', 'Touiza', 'Touiza'],
  ['تامغارت', 'Tamghart', 'Tamghart'],
  ['الإخلاص', 'Al Ikhlas', 'Al Ikhlas'],
  ['أركانة', 'Argana', 'Argana'],
  ['نساء الجبل', 'Femmes de la montagne', 'Mountain Women'],
  ['الوفاء', 'Al Wafae', 'Al Wafae'],
  ['تيليلا', 'Tilila', 'Tilila'],
  ['أمنار', 'Amnar', 'Amnar'],
  ['تودرت', 'Toudert', 'Toudert'],
  ['الفجر', 'Al Fajr', 'Al Fajr'],
  ['إيمان', 'Imane', 'Imane'],
  ['أسيف', 'Assif', 'Assif'],
  ['تازيري', 'Taziri', 'Taziri'],
  ['الياسمين', 'Yasmine', 'Yasmine'],
  ['ثمازيغت', 'Tamazight', 'Tamazight'],
]

export const makerFirstNames = [
  'Fatima',
  'Khadija',
  'Aïcha',
  'Zineb',
  'Malika',
  'Naïma',
  'Rachida',
  'Hafsa',
  'Meryem',
  'Saïda',
  'Itto',
  'Tlaitmas',
  'Yamna',
  'Hadda',
  'Fadma',
  'Latifa',
  'Najat',
  'Souad',
  'Touda',
  'Mimouna',
]

export const makerFamilyNames = [
  'Amrani',
  'Bennani',
  'Ouhammou',
  'El Idrissi',
  'Ait Ali',
  'Boutaleb',
  'Aherdane',
  'Chaoui',
  'Tazi',
  'Oubaha',
  'El Khatib',
  'Azzouzi',
  'Benali',
  'Ikhlef',
]

/** The colours the pool of product pictures is drawn in: three per shape. */
export const pictureColours: { background: string; foreground: string }[] = [
  { background: '#f3e2c7', foreground: '#b5651d' },
  { background: '#dfe9d6', foreground: '#4f7a3a' },
  { background: '#e8dcef', foreground: '#7b3f61' },
]
