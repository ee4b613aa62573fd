/**
 * Reference data: Morocco's 12 regions (2015 territorial division) and their
 * 75 provinces and prefectures, in Arabic, French and English.
 *
 * Order and French spellings follow the "Regions (since 2015) and their
 * provinces/prefectures" section of shared/DOMAIN.md. Codes are stable
 * lowercase ASCII slugs derived from the French names; province codes are
 * unique across the country (regions and provinces are separate code spaces).
 */

export type ProvinceSeed = {
  /** Stable lowercase ASCII slug, unique across the country. */
  code: string
  /** Official Arabic name. */
  nameAr: string
  /** French name as spelled in DOMAIN.md. */
  nameFr: string
  /** Usual English spelling. */
  nameEn: string
}

export type RegionSeed = {
  /** Stable lowercase ASCII slug. */
  code: string
  /** Official region number, 1..12. */
  number: number
  nameAr: string
  nameFr: string
  nameEn: string
  provinces: ProvinceSeed[]
}

export const regions: RegionSeed[] = [
  {
    code: 'tanger-tetouan-al-hoceima',
    number: 1,
    nameAr: 'طنجة تطوان الحسيمة',
    nameFr: 'Tanger-Tétouan-Al Hoceïma',
    nameEn: 'Tangier-Tetouan-Al Hoceima',
    provinces: [
      {
        code: 'tanger-assilah',
        nameAr: 'طنجة أصيلة',
        nameFr: 'Tanger-Assilah',
        nameEn: 'Tangier-Assilah',
      },
      {
        code: 'mdiq-fnideq',
        nameAr: 'المضيق الفنيدق',
        nameFr: "M'diq-Fnideq",
        nameEn: 'Mdiq-Fnideq',
      },
      { code: 'tetouan', nameAr: 'تطوان', nameFr: 'Tétouan', nameEn: 'Tetouan' },
      { code: 'fahs-anjra', nameAr: 'الفحص أنجرة', nameFr: 'Fahs-Anjra', nameEn: 'Fahs-Anjra' },
      { code: 'larache', nameAr: 'العرائش', nameFr: 'Larache', nameEn: 'Larache' },
      { code: 'al-hoceima', nameAr: 'الحسيمة', nameFr: 'Al Hoceïma', nameEn: 'Al Hoceima' },
      { code: 'chefchaouen', nameAr: 'شفشاون', nameFr: 'Chefchaouen', nameEn: 'Chefchaouen' },
      { code: 'ouezzane', nameAr: 'وزان', nameFr: 'Ouezzane', nameEn: 'Ouezzane' },
    ],
  },
  {
    code: 'oriental',
    number: 2,
    nameAr: 'الشرق',
    nameFr: "L'Oriental",
    nameEn: 'Oriental',
    provinces: [
      { code: 'oujda-angad', nameAr: 'وجدة أنكاد', nameFr: 'Oujda-Angad', nameEn: 'Oujda-Angad' },
      { code: 'nador', nameAr: 'الناظور', nameFr: 'Nador', nameEn: 'Nador' },
      { code: 'driouch', nameAr: 'الدريوش', nameFr: 'Driouch', nameEn: 'Driouch' },
      { code: 'jerada', nameAr: 'جرادة', nameFr: 'Jerada', nameEn: 'Jerada' },
      { code: 'berkane', nameAr: 'بركان', nameFr: 'Berkane', nameEn: 'Berkane' },
      { code: 'taourirt', nameAr: 'تاوريرت', nameFr: 'Taourirt', nameEn: 'Taourirt' },
      { code: 'guercif', nameAr: 'جرسيف', nameFr: 'Guercif', nameEn: 'Guercif' },
      { code: 'figuig', nameAr: 'فجيج', nameFr: 'Figuig', nameEn: 'Figuig' },
    ],
  },
  {
    code: 'fes-meknes',
    number: 3,
    nameAr: 'فاس مكناس',
    nameFr: 'Fès-Meknès',
    nameEn: 'Fez-Meknes',
    provinces: [
      { code: 'fes', nameAr: 'فاس', nameFr: 'Fès', nameEn: 'Fez' },
      { code: 'meknes', nameAr: 'مكناس', nameFr: 'Meknès', nameEn: 'Meknes' },
      { code: 'el-hajeb', nameAr: 'الحاجب', nameFr: 'El Hajeb', nameEn: 'El Hajeb' },
      { code: 'ifrane', nameAr: 'إفران', nameFr: 'Ifrane', nameEn: 'Ifrane' },
      {
        code: 'moulay-yacoub',
        nameAr: 'مولاي يعقوب',
        nameFr: 'Moulay Yacoub',
        nameEn: 'Moulay Yacoub',
      },
      { code: 'sefrou', nameAr: 'صفرو', nameFr: 'Sefrou', nameEn: 'Sefrou' },
      { code: 'boulemane', nameAr: 'بولمان', nameFr: 'Boulemane', nameEn: 'Boulemane' },
      { code: 'taounate', nameAr: 'تاونات', nameFr: 'Taounate', nameEn: 'Taounate' },
      { code: 'taza', nameAr: 'تازة', nameFr: 'Taza', nameEn: 'Taza' },
    ],
  },
  {
    code: 'rabat-sale-kenitra',
    number: 4,
    nameAr: 'الرباط سلا القنيطرة',
    nameFr: 'Rabat-Salé-Kénitra',
    nameEn: 'Rabat-Sale-Kenitra',
    provinces: [
      { code: 'rabat', nameAr: 'الرباط', nameFr: 'Rabat', nameEn: 'Rabat' },
      { code: 'sale', nameAr: 'سلا', nameFr: 'Salé', nameEn: 'Sale' },
      {
        code: 'skhirate-temara',
        nameAr: 'الصخيرات تمارة',
        nameFr: 'Skhirate-Témara',
        nameEn: 'Skhirate-Temara',
      },
      { code: 'kenitra', nameAr: 'القنيطرة', nameFr: 'Kénitra', nameEn: 'Kenitra' },
      { code: 'khemisset', nameAr: 'الخميسات', nameFr: 'Khémisset', nameEn: 'Khemisset' },
      { code: 'sidi-kacem', nameAr: 'سيدي قاسم', nameFr: 'Sidi Kacem', nameEn: 'Sidi Kacem' },
      {
        code: 'sidi-slimane',
        nameAr: 'سيدي سليمان',
        nameFr: 'Sidi Slimane',
        nameEn: 'Sidi Slimane',
      },
    ],
  },
  {
    code: 'beni-mellal-khenifra',
    number: 5,
    nameAr: 'بني ملال خنيفرة',
    nameFr: 'Béni Mellal-Khénifra',
    nameEn: 'Beni Mellal-Khenifra',
    provinces: [
      { code: 'beni-mellal', nameAr: 'بني ملال', nameFr: 'Béni Mellal', nameEn: 'Beni Mellal' },
      { code: 'azilal', nameAr: 'أزيلال', nameFr: 'Azilal', nameEn: 'Azilal' },
      {
        code: 'fquih-ben-salah',
        nameAr: 'الفقيه بن صالح',
        nameFr: 'Fquih Ben Salah',
        nameEn: 'Fquih Ben Salah',
      },
      { code: 'khenifra', nameAr: 'خنيفرة', nameFr: 'Khénifra', nameEn: 'Khenifra' },
      { code: 'khouribga', nameAr: 'خريبكة', nameFr: 'Khouribga', nameEn: 'Khouribga' },
    ],
  },
  {
    code: 'casablanca-settat',
    number: 6,
    nameAr: 'الدار البيضاء سطات',
    nameFr: 'Casablanca-Settat',
    nameEn: 'Casablanca-Settat',
    provinces: [
      { code: 'casablanca', nameAr: 'الدار البيضاء', nameFr: 'Casablanca', nameEn: 'Casablanca' },
      { code: 'mohammedia', nameAr: 'المحمدية', nameFr: 'Mohammédia', nameEn: 'Mohammedia' },
      { code: 'el-jadida', nameAr: 'الجديدة', nameFr: 'El Jadida', nameEn: 'El Jadida' },
      { code: 'nouaceur', nameAr: 'النواصر', nameFr: 'Nouaceur', nameEn: 'Nouaceur' },
      { code: 'mediouna', nameAr: 'مديونة', nameFr: 'Médiouna', nameEn: 'Mediouna' },
      { code: 'benslimane', nameAr: 'بنسليمان', nameFr: 'Benslimane', nameEn: 'Benslimane' },
      { code: 'berrechid', nameAr: 'برشيد', nameFr: 'Berrechid', nameEn: 'Berrechid' },
      { code: 'settat', nameAr: 'سطات', nameFr: 'Settat', nameEn: 'Settat' },
      { code: 'sidi-bennour', nameAr: 'سيدي بنور', nameFr: 'Sidi Bennour', nameEn: 'Sidi Bennour' },
    ],
  },
  {
    code: 'marrakech-safi',
    number: 7,
    nameAr: 'مراكش آسفي',
    nameFr: 'Marrakech-Safi',
    nameEn: 'Marrakesh-Safi',
    provinces: [
      { code: 'marrakech', nameAr: 'مراكش', nameFr: 'Marrakech', nameEn: 'Marrakesh' },
      { code: 'chichaoua', nameAr: 'شيشاوة', nameFr: 'Chichaoua', nameEn: 'Chichaoua' },
      { code: 'al-haouz', nameAr: 'الحوز', nameFr: 'Al Haouz', nameEn: 'Al Haouz' },
      {
        code: 'el-kelaa-des-sraghna',
        nameAr: 'قلعة السراغنة',
        nameFr: 'El Kelâa des Sraghna',
        nameEn: 'El Kelaa des Sraghna',
      },
      { code: 'essaouira', nameAr: 'الصويرة', nameFr: 'Essaouira', nameEn: 'Essaouira' },
      { code: 'rehamna', nameAr: 'الرحامنة', nameFr: 'Rehamna', nameEn: 'Rehamna' },
      { code: 'safi', nameAr: 'آسفي', nameFr: 'Safi', nameEn: 'Safi' },
      { code: 'youssoufia', nameAr: 'اليوسفية', nameFr: 'Youssoufia', nameEn: 'Youssoufia' },
    ],
  },
  {
    code: 'draa-tafilalet',
    number: 8,
    nameAr: 'درعة تافيلالت',
    nameFr: 'Drâa-Tafilalet',
    nameEn: 'Draa-Tafilalet',
    provinces: [
      { code: 'errachidia', nameAr: 'الرشيدية', nameFr: 'Errachidia', nameEn: 'Errachidia' },
      { code: 'ouarzazate', nameAr: 'ورزازات', nameFr: 'Ouarzazate', nameEn: 'Ouarzazate' },
      { code: 'midelt', nameAr: 'ميدلت', nameFr: 'Midelt', nameEn: 'Midelt' },
      { code: 'tinghir', nameAr: 'تنغير', nameFr: 'Tinghir', nameEn: 'Tinghir' },
      { code: 'zagora', nameAr: 'زاكورة', nameFr: 'Zagora', nameEn: 'Zagora' },
    ],
  },
  {
    code: 'souss-massa',
    number: 9,
    nameAr: 'سوس ماسة',
    nameFr: 'Souss-Massa',
    nameEn: 'Souss-Massa',
    provinces: [
      {
        code: 'agadir-ida-outanane',
        nameAr: 'أكادير إداوتنان',
        nameFr: 'Agadir Ida-Outanane',
        nameEn: 'Agadir Ida-Outanane',
      },
      {
        code: 'inezgane-ait-melloul',
        nameAr: 'إنزكان أيت ملول',
        nameFr: 'Inezgane-Aït Melloul',
        nameEn: 'Inezgane-Ait Melloul',
      },
      {
        code: 'chtouka-ait-baha',
        nameAr: 'اشتوكة أيت باها',
        nameFr: 'Chtouka-Aït Baha',
        nameEn: 'Chtouka-Ait Baha',
      },
      { code: 'taroudant', nameAr: 'تارودانت', nameFr: 'Taroudant', nameEn: 'Taroudant' },
      { code: 'tiznit', nameAr: 'تيزنيت', nameFr: 'Tiznit', nameEn: 'Tiznit' },
      { code: 'tata', nameAr: 'طاطا', nameFr: 'Tata', nameEn: 'Tata' },
    ],
  },
  {
    code: 'guelmim-oued-noun',
    number: 10,
    nameAr: 'كلميم واد نون',
    nameFr: 'Guelmim-Oued Noun',
    nameEn: 'Guelmim-Oued Noun',
    provinces: [
      { code: 'guelmim', nameAr: 'كلميم', nameFr: 'Guelmim', nameEn: 'Guelmim' },
      { code: 'assa-zag', nameAr: 'آسا الزاك', nameFr: 'Assa-Zag', nameEn: 'Assa-Zag' },
      { code: 'tan-tan', nameAr: 'طانطان', nameFr: 'Tan-Tan', nameEn: 'Tan-Tan' },
      { code: 'sidi-ifni', nameAr: 'سيدي إفني', nameFr: 'Sidi Ifni', nameEn: 'Sidi Ifni' },
    ],
  },
  {
    code: 'laayoune-sakia-el-hamra',
    number: 11,
    nameAr: 'العيون الساقية الحمراء',
    nameFr: 'Laâyoune-Sakia El Hamra',
    nameEn: 'Laayoune-Sakia El Hamra',
    provinces: [
      { code: 'laayoune', nameAr: 'العيون', nameFr: 'Laâyoune', nameEn: 'Laayoune' },
      { code: 'boujdour', nameAr: 'بوجدور', nameFr: 'Boujdour', nameEn: 'Boujdour' },
      { code: 'tarfaya', nameAr: 'طرفاية', nameFr: 'Tarfaya', nameEn: 'Tarfaya' },
      { code: 'es-semara', nameAr: 'السمارة', nameFr: 'Es-Semara', nameEn: 'Smara' },
    ],
  },
  {
    code: 'dakhla-oued-ed-dahab',
    number: 12,
    nameAr: 'الداخلة وادي الذهب',
    nameFr: 'Dakhla-Oued Ed-Dahab',
    nameEn: 'Dakhla-Oued Ed-Dahab',
    provinces: [
      {
        code: 'oued-ed-dahab',
        nameAr: 'وادي الذهب',
        nameFr: 'Oued Ed-Dahab',
        nameEn: 'Oued Ed-Dahab',
      },
      { code: 'aousserd', nameAr: 'أوسرد', nameFr: 'Aousserd', nameEn: 'Aousserd' },
    ],
  },
]
