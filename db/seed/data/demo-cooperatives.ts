// Demo cooperatives for the seed. Every cooperative, person and address here is
// INVENTED (DOMAIN.md: never the names of real cooperatives or people); places and
// products are plausible for the north of Morocco.
//
// ICE values are 15 digits with the whole number ≡ 0 (mod 97); RIB values are
// 24 digits (bank 3 + city 3 + account 16 + key 2) with the whole number ≡ 0 (mod 97).
// Both were computed with BigInt and are checked by the seed tests.

export type DemoPerson = { name: string; email: string; phone: string }

export type DemoMaker = {
  name: string
  bioAr: string
  bioFr: string | null
  bioEn: string | null
  showPublicly: boolean
}

export type DemoCooperative = {
  slug: string
  legalNameAr: string
  legalNameFr: string
  displayName: string
  category: 'agricultural' | 'craft' | 'mixed'
  womenOnly: boolean
  memberCount: number
  womenMemberCount: number
  foundedYear: number
  registerNumber: string
  registerCourt: string
  ice: string
  taxId: string
  vatStatus: 'exempt' | 'liable'
  regionCode: string
  provinceCode: string
  commune: string
  address: string
  phone: string
  email: string
  /** Call and WhatsApp buttons on its public pages (off unless the cooperative chose them). */
  showContactButtons?: boolean
  storyAr: string
  storyFr: string
  storyEn: string
  rib: string
  accountHolder: string
  status: 'applied' | 'active' | 'suspended'
  decisionNote: string | null
  brandColor: string
  manager: DemoPerson
  members: DemoPerson[]
  makers: DemoMaker[]
}

export const demoCooperatives: DemoCooperative[] = [
  // 1. Al Hoceima — hand-built Rif pottery and wool weaving (craft).
  {
    slug: 'ifassen-n-wakal',
    legalNameAr: 'تعاونية إفاسن ن واكال النسوية للفخار والنسيج',
    legalNameFr: 'Coopérative féminine Ifassen n Wakal de poterie et de tissage',
    displayName: 'Ifassen n Wakal',
    category: 'craft',
    womenOnly: true,
    memberCount: 18,
    womenMemberCount: 18,
    foundedYear: 2011,
    registerNumber: '2011/62',
    registerCourt: "Tribunal de première instance d'Al Hoceima",
    ice: '002581437000066',
    taxId: '40218736',
    vatStatus: 'exempt',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'al-hoceima',
    commune: 'Aït Youssef Ou Ali',
    address: "Douar Ajdir, à côté de l'école primaire, route de la plage de Souani",
    phone: '+212539841276',
    email: 'contact@ifassen-n-wakal.demo.taawun.ma',
    storyAr:
      '«إفاسن ن واكال» تعني «أيادي الأرض» بالأمازيغية. ثماني عشرة امرأة من دواوير أجدير يشكّلن بأيديهن، ومن دون دولاب، الجرار والأباريق والطواجين كما كانت تفعل أمهاتهن وجداتهن. يستخرجن الطين الأحمر من التلال المجاورة، ويحرقن القطع على نار الحطب في الهواء الطلق، ثم يزيّنّها بخطوط من المغرة الطبيعية. وفي الشتاء، حين يتعذر العمل بالطين بسبب المطر، ينسجن على المناسج العمودية أغطية ووسائد من صوف المنطقة. كل قطعة فريدة، وكثير منها يُصنع حسب الطلب، أما القطع المزخرفة فهي للزينة ولا تصلح للماء ولا للفرن.',
    storyFr:
      "Ifassen n Wakal signifie « les mains de la terre » en amazighe. Dix-huit femmes des douars d'Ajdir façonnent à la main, sans tour, des jarres, des cruches et des tajines, comme le faisaient leurs mères et leurs grands-mères. Elles extraient l'argile rouge des collines voisines, cuisent les pièces au feu de bois en plein air, puis les décorent de traits d'ocre naturelle. L'hiver, quand la pluie empêche de travailler l'argile, elles tissent sur des métiers verticaux des couvertures et des coussins en laine du pays. Chaque pièce est unique et beaucoup sont faites sur commande ; les pièces décoratives ne vont ni à l'eau ni au four.",
    storyEn:
      'Ifassen n Wakal means “hands of the earth” in Amazigh. Eighteen women from the villages around Ajdir shape jars, jugs and tajines by hand, without a wheel, as their mothers and grandmothers did. They dig red clay from the nearby hills, fire the pieces in an open wood fire and decorate them with strokes of natural ochre. In winter, when the rain makes clay work impossible, they weave blankets and cushions of local wool on upright looms. Every piece is unique and many are made to order; the decorative pieces are not meant for water or the oven.',
    rib: '007330000412805937216037',
    accountHolder: 'Coopérative féminine Ifassen n Wakal de poterie et de tissage',
    status: 'active',
    decisionNote:
      'Register extract, ICE and bank letter checked; RIB matches the legal name. Approved.',
    brandColor: '#b5532f',
    manager: {
      name: 'Naïma Ahrouch',
      email: 'naima.ahrouch@demo.taawun.ma',
      phone: '+212661237845',
    },
    members: [
      { name: 'Samira Bouhout', email: 'samira.bouhout@demo.taawun.ma', phone: '+212662904318' },
    ],
    makers: [
      {
        name: 'Mimount Akouh',
        bioAr:
          'تصنع الجرار الكبيرة لخزن الزيت منذ أكثر من ثلاثين سنة، وتعلّم الشابات التشكيل باليد.',
        bioFr:
          'Elle façonne de grandes jarres à huile depuis plus de trente ans et transmet le modelage à la main aux plus jeunes.',
        bioEn:
          'She has shaped large oil jars for more than thirty years and teaches hand-building to the younger women.',
        showPublicly: true,
      },
      {
        name: 'Rahma Azzouzi',
        bioAr: 'ترسم بالمغرة الحمراء الزخارف الهندسية التي تميّز فخار الريف.',
        bioFr:
          "Elle peint à l'ocre rouge les motifs géométriques qui distinguent la poterie du Rif.",
        bioEn: 'She paints the geometric red-ochre patterns that mark out Rif pottery.',
        showPublicly: true,
      },
      {
        name: 'Fadma Bouziani',
        bioAr: 'تنسج الأغطية الصوفية في الشتاء على منسج ورثته عن جدتها.',
        bioFr: null,
        bioEn: null,
        showPublicly: false,
      },
    ],
  },

  // 2. Chefchaouen — goat cheese and mountain herbs (food).
  {
    slug: 'raihana-bab-taza',
    legalNameAr: 'تعاونية الريحانة النسوية لباب تازة',
    legalNameFr: 'Coopérative féminine Raïhana de Bab Taza',
    displayName: 'Raihana',
    category: 'agricultural',
    womenOnly: true,
    memberCount: 26,
    womenMemberCount: 26,
    foundedYear: 2008,
    registerNumber: '2008/19',
    registerCourt: 'Tribunal de première instance de Chefchaouen',
    ice: '001937652000055',
    taxId: '3489271',
    vatStatus: 'exempt',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'chefchaouen',
    commune: 'Bab Taza',
    address: 'Centre de Bab Taza, derrière la poste, en face du souk hebdomadaire',
    phone: '+212539987413',
    email: 'contact@raihana-bab-taza.demo.taawun.ma',
    storyAr:
      'في جبال باب تازة، تربي ست وعشرون امرأة الماعز البلدي الذي يرعى على سفوح غابة الأرز بتلاسمطان. كل صباح يحوّلن الحليب الطازج إلى أجبان طرية صغيرة، يملّحنها باليد ويعرضنها على أوراق الدوم كما جرت العادة في قرى جبالة. وفي الربيع والصيف يجمعن الزعتر البري والزعيترة وفليّو، ويجففنها في الظل ثم يبعنها أعشابا ومنقوعات. ويساعد دخل التعاونية على تغطية نقل فتيات الدوار إلى المدرسة.',
    storyFr:
      "Dans les montagnes de Bab Taza, vingt-six femmes élèvent des chèvres beldi qui pâturent sur les pentes de la cédraie de Talassemtane. Chaque matin, elles transforment le lait frais en petits fromages frais, salés à la main et présentés sur des feuilles de doum, comme le veut la tradition des villages jbala. Au printemps et en été, elles cueillent l'origan sauvage, le thym et le pouliot, les font sécher à l'ombre et les vendent en herbes et en infusions. Les revenus de la coopérative aident à payer le transport scolaire des filles du douar.",
    storyEn:
      "In the mountains of Bab Taza, twenty-six women raise local Beldi goats that graze on the slopes of the Talassemtane cedar forest. Every morning they turn the fresh milk into small soft cheeses, salt them by hand and sell them on doum palm leaves, as is the custom in the Jbala villages. In spring and summer they gather wild oregano, thyme and pennyroyal, dry them in the shade and sell them as herbs and infusions. The cooperative's income helps pay for the village girls' transport to school.",
    rib: '225335000147260318890063',
    accountHolder: 'Coopérative féminine Raïhana de Bab Taza',
    status: 'active',
    decisionNote:
      'Documents complete; visit to the cheese room confirmed the ONSSA authorisation number on the labels. Approved.',
    brandColor: '#2f6f4f',
    manager: { name: 'Zineb Aflahi', email: 'zineb.aflahi@demo.taawun.ma', phone: '+212670158293' },
    members: [
      { name: 'Hanane El Ghazi', email: 'hanane.elghazi@demo.taawun.ma', phone: '+212613847260' },
      { name: 'Asmae Tahiri', email: 'asmae.tahiri@demo.taawun.ma', phone: '+212677320461' },
    ],
    makers: [
      {
        name: 'Rqiya Bakkali',
        bioAr: 'تحلب الماعز عند الفجر وتصنع الجبن الطري كما تعلمته من أمها.',
        bioFr:
          "Elle trait les chèvres à l'aube et prépare le fromage frais comme sa mère le lui a appris.",
        bioEn:
          'She milks the goats at dawn and makes the fresh cheese the way her mother taught her.',
        showPublicly: true,
      },
      {
        name: 'Touria Ben Hmida',
        bioAr: 'تعرف أماكن نمو الزعتر وفليّو في الجبل وتشرف على تجفيف الأعشاب.',
        bioFr:
          "Elle connaît les coins de montagne où poussent l'origan et le pouliot et veille au séchage des herbes.",
        bioEn:
          'She knows where oregano and pennyroyal grow on the mountain and looks after the drying of the herbs.',
        showPublicly: true,
      },
      {
        name: 'Amina Sbai',
        bioAr: 'تعتني بالقطيع وتحرص على نظافة قاعة صنع الجبن.',
        bioFr: 'Elle soigne le troupeau et veille à la propreté de la fromagerie.',
        bioEn: null,
        showPublicly: true,
      },
      {
        name: 'Khaddouj Refass',
        bioAr: 'أكبر العضوات سنا، تملّح الأجبان وتلفها في أوراق الدوم.',
        bioFr: null,
        bioEn: null,
        showPublicly: false,
      },
    ],
  },

  // 3. Driouch (Oriental) — olive oil of Tafersit and couscous (food). Mixed membership.
  {
    slug: 'tazemmourt-tafersit',
    legalNameAr: 'تعاونية تازمورت الفلاحية لتافرسيت',
    legalNameFr: 'Coopérative agricole Tazemmourt de Tafersit',
    displayName: 'Tazemmourt',
    category: 'agricultural',
    womenOnly: false,
    memberCount: 31,
    womenMemberCount: 24,
    foundedYear: 2005,
    registerNumber: '2005/47',
    registerCourt: 'Tribunal de première instance de Nador',
    ice: '003114896000009',
    taxId: '15938264',
    vatStatus: 'exempt',
    regionCode: 'oriental',
    provinceCode: 'driouch',
    commune: 'Tafersit',
    address: 'Centre de Tafersit, à côté de la maison communale, en face de la station-service',
    phone: '+212536367512',
    email: 'contact@tazemmourt-tafersit.demo.taawun.ma',
    storyAr:
      '«تازمورت» تعني «شجرة الزيتون» بالأمازيغية. حول تافرسيت، تزرع العائلات الزيتون في المدرجات الجافة منذ أجيال، ومنذ سنة 2005 تعصره أربع وعشرون امرأة وسبعة رجال معا في معصرة التعاونية الصغيرة. يُجنى الزيتون باليد من نونبر إلى يناير ويُعصر على البارد في اليوم نفسه، فيعطي زيتا أخضر بنكهة حارة خفيفة. وبين موسم وآخر، تفتل النساء كسكس الشعير و«الخماسي»، وهو كسكس من خمس حبوب، ويجففنه تحت الشمس فوق سطح المعصرة.',
    storyFr:
      "Tazemmourt signifie « olivier » en amazighe. Autour de Tafersit, les familles cultivent l'olivier sur des terrasses sèches depuis des générations, et depuis 2005 vingt-quatre femmes et sept hommes pressent ensemble leurs olives dans le petit moulin de la coopérative. Les olives sont cueillies à la main de novembre à janvier et pressées à froid le jour même, ce qui donne une huile verte, légèrement poivrée. Entre deux récoltes, les femmes roulent le couscous d'orge et le khoumassi, un couscous aux cinq céréales, qu'elles font sécher au soleil sur le toit du moulin.",
    storyEn:
      "Tazemmourt means “olive tree” in Amazigh. Around Tafersit, families have grown olives on dry terraces for generations, and since 2005 twenty-four women and seven men have pressed them together in the cooperative's small mill. The olives are picked by hand from November to January and cold-pressed on the same day, which gives a green oil with a gentle peppery bite. Between harvests the women roll barley couscous and khoumassi, a five-grain couscous, and dry it in the sun on the mill's roof.",
    rib: '011640000739150284413069',
    accountHolder: 'Coopérative agricole Tazemmourt de Tafersit',
    status: 'active',
    decisionNote:
      'Not women-only, but 24 of 31 members are women and the women run the couscous unit; accepted under the association rules. Approved.',
    brandColor: '#6b7d2a',
    manager: { name: 'Souad Amrani', email: 'souad.amrani@demo.taawun.ma', phone: '+212664519720' },
    members: [
      { name: 'Karima Hadouchi', email: 'karima.hadouchi@demo.taawun.ma', phone: '+212700846315' },
    ],
    makers: [
      {
        name: 'Yamna Amrani',
        bioAr: 'تفتل كسكس الشعير باليد في قصعة خشبية ورثتها عن أمها.',
        bioFr:
          "Elle roule le couscous d'orge à la main dans un grand plat en bois hérité de sa mère.",
        bioEn: 'She rolls barley couscous by hand in a wooden dish inherited from her mother.',
        showPublicly: true,
      },
      {
        name: 'Hafida Boudchiche',
        bioAr: 'تشرف على العصر وتتذوق زيت كل دفعة قبل تعبئته.',
        bioFr:
          "Elle surveille le pressage et goûte l'huile de chaque lot avant la mise en bouteille.",
        bioEn: 'She oversees the pressing and tastes the oil of every batch before it is bottled.',
        showPublicly: true,
      },
      {
        name: 'Thraythmas Ourahou',
        bioAr: 'تخلط الحبوب الخمس للخماسي وفق وصفة عائلتها.',
        bioFr: 'Elle mélange les cinq céréales du khoumassi selon la recette de sa famille.',
        bioEn: null,
        showPublicly: true,
      },
    ],
  },

  // 4. Larache — arbutus honey of Jbel Moulay Abdessalam and jams (food). SUSPENDED.
  {
    slug: 'chahd-tazroute',
    legalNameAr: 'تعاونية شهد تازروت النسوية',
    legalNameFr: 'Coopérative féminine Chahd Tazroute',
    displayName: 'Chahd Tazroute',
    category: 'agricultural',
    womenOnly: true,
    memberCount: 14,
    womenMemberCount: 14,
    foundedYear: 2016,
    registerNumber: '2016/88',
    registerCourt: 'Tribunal de première instance de Larache',
    ice: '002260913000068',
    taxId: '52473918',
    vatStatus: 'exempt',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'larache',
    commune: 'Tazroute',
    address: 'Centre de Tazroute, sur la route du Jbel Moulay Abdessalam, à côté du dispensaire',
    phone: '+212661482937',
    email: 'contact@chahd-tazroute.demo.taawun.ma',
    storyAr:
      'على سفوح جبل مولاي عبد السلام، تربي أربع عشرة امرأة النحل بين أشجار القطلب والخلنج والخزامى البرية. أشهر عسلهن عسل القطلب الذي يُجنى في أواخر الخريف، وهو داكن اللون بمرارة خفيفة، وتحتفظ به عائلات المنطقة دواءً لسعال الشتاء. ينقلن الخلايا مشيا أو على ظهور البغال لمتابعة الإزهار، ويستخرجن العسل في غرفة صغيرة بالقرية. ومن فواكه الموسم يطبخن مربيات التين والسفرجل وثمار القطلب بقليل من السكر.',
    storyFr:
      "Sur les pentes du Jbel Moulay Abdessalam, quatorze femmes élèvent des abeilles parmi les arbousiers, les bruyères et la lavande sauvage. Leur miel le plus réputé est le miel d'arbousier, récolté à la fin de l'automne : sombre, légèrement amer, les familles de la région le gardent comme remède contre la toux d'hiver. Elles déplacent les ruches à pied ou à dos de mulet pour suivre les floraisons, et extraient le miel dans une petite pièce du village. Avec les fruits de la saison, elles cuisent aussi des confitures peu sucrées de figues, de coings et d'arbouses.",
    storyEn:
      'On the slopes of Jbel Moulay Abdessalam, fourteen women keep bees among strawberry trees, heather and wild lavender. Their best-known honey is strawberry-tree (arbutus) honey, harvested in late autumn: dark, slightly bitter, and kept by local families as a remedy for winter coughs. They move the hives on foot or by mule to follow the flowering, and extract the honey in a small room in the village. With the fruit of the season they also cook figs, quinces and arbutus berries into jams with little sugar.',
    rib: '145420000518392740062081',
    accountHolder: 'Coopérative féminine Chahd Tazroute',
    status: 'suspended',
    decisionNote:
      'Suspended pending clarification: the general assembly of March 2025 elected a new board, and the manager and bank account on file no longer match it. Listings and payouts are paused until the minutes of the assembly and a bank letter for the current RIB are uploaded.',
    brandColor: '#c98a1b',
    manager: {
      name: 'Latifa Chentouf',
      email: 'latifa.chentouf@demo.taawun.ma',
      phone: '+212668034179',
    },
    members: [
      { name: 'Ikram Ouriaghli', email: 'ikram.ouriaghli@demo.taawun.ma', phone: '+212615729384' },
    ],
    makers: [
      {
        name: 'Fatna Chentouf',
        bioAr: 'تربي النحل منذ عشرين سنة وتعرف متى يزهر القطلب في كل سفح.',
        bioFr:
          "Apicultrice depuis vingt ans, elle sait quand fleurit l'arbousier sur chaque versant.",
        bioEn:
          'A beekeeper for twenty years, she knows when the strawberry trees flower on every slope.',
        showPublicly: true,
      },
      {
        name: 'Aicha El Harrak',
        bioAr: 'تطبخ المربيات على نار هادئة في قدور نحاسية.',
        bioFr: 'Elle cuit les confitures à feu doux dans des marmites en cuivre.',
        bioEn: 'She cooks the jams slowly in copper pots.',
        showPublicly: true,
      },
    ],
  },

  // 5. Tétouan — mendil weaving, Tétouan embroidery and doum hats (craft).
  {
    slug: 'tarz-oued-laou',
    legalNameAr: 'تعاونية طرز واد لاو النسوية',
    legalNameFr: 'Coopérative féminine Tarz Oued Laou',
    displayName: 'Tarz Oued Laou',
    category: 'craft',
    womenOnly: true,
    memberCount: 22,
    womenMemberCount: 22,
    foundedYear: 2014,
    registerNumber: '2014/41',
    registerCourt: 'Tribunal de première instance de Tétouan',
    ice: '002775341000039',
    taxId: '24867109',
    vatStatus: 'exempt',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'tetouan',
    commune: 'Oued Laou',
    address: 'Derrière le marché central, à deux pas de la maison des jeunes, Oued Laou',
    phone: '+212539670248',
    email: 'contact@tarz-oued-laou.demo.taawun.ma',
    showContactButtons: true,
    storyAr:
      '«الطرز» هو التطريز، ونساء واد لاو معروفات بحرفتين: الطرز التطواني الدقيق، و«المنديل» المخطط بالأحمر والأبيض الذي تلفه نساء جبالة حول خصورهن. تنسج اثنتان وعشرون امرأة المناديل على أنوال خشبية في بيوتهن، ويطرّزن بخيط الحرير أزهار الطرز التطواني الرقيقة على المفارش والوسائد والأوشحة في ورشة التعاونية قرب السوق. وتضفر بعضهن أيضا القبعات الكبيرة من الدوم المزينة بكرات الصوف، التي تعتمرها القرويات في الحقول. وتُوزَّع الطلبيات بين العضوات حتى تتمكن كل واحدة من التوفيق بين هذا العمل وشؤون بيتها والأشغال الفلاحية.',
    storyFr:
      "Tarz veut dire broderie, et les femmes d'Oued Laou sont connues pour deux savoir-faire : la fine broderie de Tétouan et le mendil rayé rouge et blanc que les femmes jbala nouent autour de la taille. Vingt-deux femmes tissent les mendils chez elles sur des métiers en bois et, dans l'atelier de la coopérative près du marché, brodent au fil de soie les fleurs délicates de Tétouan sur des nappes, des coussins et des écharpes. Certaines tressent aussi les grands chapeaux en doum ornés de pompons de laine que portent les paysannes aux champs. Les commandes sont réparties entre les membres pour que chacune puisse concilier ce travail avec son foyer et les travaux agricoles.",
    storyEn:
      "Tarz means embroidery, and the women of Oued Laou are known for two crafts: fine Tétouan embroidery, and the red-and-white striped mendil that Jbala women wrap around their waist. Twenty-two women weave mendils on wooden looms at home and, in the cooperative's workshop near the market, embroider Tétouan's delicate silk flowers on tablecloths, cushions and scarves. Some of them also braid the wide doum-palm hats with woollen pompoms that countrywomen wear in the fields. Orders are shared among the members so that each woman can fit the work around her household and the farm.",
    rib: '022640000291847360517022',
    accountHolder: 'Coopérative féminine Tarz Oued Laou',
    status: 'active',
    decisionNote:
      'All documents in order; handicraft label certificate to be reviewed separately. Approved.',
    brandColor: '#a0283c',
    manager: {
      name: 'Hayat Zaitouni',
      email: 'hayat.zaitouni@demo.taawun.ma',
      phone: '+212669482051',
    },
    members: [
      {
        name: 'Nawal El Hammouti',
        email: 'nawal.elhammouti@demo.taawun.ma',
        phone: '+212620375918',
      },
      { name: 'Ghizlane Tribak', email: 'ghizlane.tribak@demo.taawun.ma', phone: '+212706219843' },
    ],
    makers: [
      {
        name: 'Zohra Ghailan',
        bioAr: 'تنسج المناديل المخططة على منسج خشبي في فناء بيتها.',
        bioFr: 'Elle tisse les mendils rayés sur un métier en bois dans la cour de sa maison.',
        bioEn: 'She weaves the striped mendils on a wooden loom in the courtyard of her house.',
        showPublicly: true,
      },
      {
        name: 'Saida Lamrini',
        bioAr: 'تتقن غرزة الطرز التطواني وتعلّمها للفتيات في الورشة.',
        bioFr:
          "Elle maîtrise le point de la broderie de Tétouan et l'enseigne aux jeunes filles de l'atelier.",
        bioEn:
          'She has mastered the Tétouan embroidery stitch and teaches it to the girls in the workshop.',
        showPublicly: true,
      },
      {
        name: 'Khadija Ouazzani',
        bioAr: 'تضفر قبعات الدوم وتزينها بكرات الصوف الملونة.',
        bioFr: null,
        bioEn: null,
        showPublicly: false,
      },
    ],
  },

  // 6. Khémisset (Rabat-Salé-Kénitra) — cold-process soaps, balms, creams (cosmetics).
  {
    slug: 'warda-zemmour',
    legalNameAr: 'تعاونية وردة زمور النسوية',
    legalNameFr: 'Coopérative féminine Warda Zemmour',
    displayName: 'Warda Zemmour',
    category: 'mixed',
    womenOnly: true,
    memberCount: 12,
    womenMemberCount: 12,
    foundedYear: 2019,
    registerNumber: '2019/115',
    registerCourt: 'Tribunal de première instance de Khémisset',
    ice: '003049287000038',
    taxId: '50938461',
    vatStatus: 'exempt',
    regionCode: 'rabat-sale-kenitra',
    provinceCode: 'khemisset',
    commune: 'Maaziz',
    address: 'Centre de Maaziz, rue de la poste, à côté de la maison des jeunes',
    phone: '+212537558640',
    email: 'contact@warda-zemmour.demo.taawun.ma',
    showContactButtons: true,
    storyAr:
      'أسست اثنتا عشرة امرأة من معزيز، في بلاد زمور بين الرباط ومكناس، هذه التعاونية سنة 2019 لتحقيق دخل من النباتات التي تنمو حولهن. يصنعن صابونا بالطريقة الباردة من زيت الزيتون المحلي وإكليل الجبل والخزامى والغاسول، ويتركن كل قطعة تنضج ستة أسابيع على رفوف خشبية. كما يحضّرن مراهم من شمع النحل وزيت الزيتون وإكليل الجبل، وكريما للوجه بزيت بذور التين الشوكي. وتتولى عضوتان تكوّنتا في مركز المرأة المحلي مسك سجلات الدفعات التي يتطلبها تسجيل مستحضرات التجميل.',
    storyFr:
      "Douze femmes de Maaziz, au pays Zemmour entre Rabat et Meknès, ont fondé la coopérative en 2019 pour tirer un revenu des plantes qui poussent autour d'elles. Elles fabriquent des savons saponifiés à froid avec l'huile d'olive locale, le romarin, la lavande et le ghassoul, et laissent chaque pain mûrir six semaines sur des claies en bois. Elles préparent aussi des baumes à la cire d'abeille, à l'huile d'olive et au romarin, ainsi qu'une crème pour le visage à l'huile de pépins de figue de Barbarie. Deux membres, formées au centre féminin local, tiennent les registres de lots qu'exigent leurs enregistrements cosmétiques.",
    storyEn:
      "Twelve women from Maaziz, in the Zemmour country between Rabat and Meknes, founded the cooperative in 2019 to earn an income from the plants that grow around them. They make cold-process soaps with local olive oil, rosemary, lavender and ghassoul clay, and leave each bar to cure for six weeks on wooden racks. They also blend balms of beeswax, olive oil and rosemary, and a face cream with prickly pear seed oil. Two members, trained at the local women's centre, keep the batch records that their cosmetic registrations require.",
    rib: '190510000863041297725005',
    accountHolder: 'Coopérative féminine Warda Zemmour',
    status: 'active',
    decisionNote:
      'Approved; each soap and cream still needs its own cosmetic registration before it can be listed.',
    brandColor: '#8e4d9e',
    manager: {
      name: 'Meryem Ait Lahcen',
      email: 'meryem.aitlahcen@demo.taawun.ma',
      phone: '+212661805437',
    },
    members: [
      { name: 'Loubna Belkadi', email: 'loubna.belkadi@demo.taawun.ma', phone: '+212652408176' },
    ],
    makers: [
      {
        name: 'Itto Ouhammou',
        bioAr: 'تقطف إكليل الجبل والخزامى من التلال وتنقعها في زيت الزيتون.',
        bioFr:
          "Elle cueille le romarin et la lavande sur les collines et les fait macérer dans l'huile d'olive.",
        bioEn: 'She picks rosemary and lavender on the hills and steeps them in olive oil.',
        showPublicly: true,
      },
      {
        name: 'Hasna Raji',
        bioAr: 'تزن مكونات كل دفعة صابون وتدوّنها في سجل التعاونية.',
        bioFr:
          'Elle pèse les ingrédients de chaque lot de savon et les note dans le registre de la coopérative.',
        bioEn:
          "She weighs the ingredients of every soap batch and records them in the cooperative's register.",
        showPublicly: true,
      },
      {
        name: 'Mina Zaari',
        bioAr: 'تقطّع ألواح الصابون وتغلّفها يدويا.',
        bioFr: 'Elle coupe les pains de savon et les emballe à la main.',
        bioEn: null,
        showPublicly: true,
      },
    ],
  },

  // 7. Ouezzane — sun-dried figs and extra-virgin olive oil (food). APPLIED, awaiting review.
  {
    slug: 'al-karma-zoumi',
    legalNameAr: 'تعاونية الكرمة النسوية لزومي',
    legalNameFr: 'Coopérative féminine Al Karma de Zoumi',
    displayName: 'Al Karma',
    category: 'agricultural',
    womenOnly: true,
    memberCount: 9,
    womenMemberCount: 9,
    foundedYear: 2023,
    registerNumber: '2023/27',
    registerCourt: "Tribunal de première instance d'Ouezzane",
    ice: '003418726000083',
    taxId: '66172934',
    vatStatus: 'exempt',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'ouezzane',
    commune: 'Zoumi',
    address: "Centre de Zoumi, à côté du collège, route d'Ouezzane",
    phone: '+212708413562',
    email: 'contact@al-karma-zoumi.demo.taawun.ma',
    storyAr:
      '«الكرمة» هي شجرة التين التي تنمو قرب كل بيت في تلال زومي. أسست تسع شابات التعاونية سنة 2023 حتى لا يبعن تين عائلاتهن بثمن بخس على قارعة الطريق. في غشت وشتنبر يقطفن التين حين يكتمل نضجه، ويجففنه تحت الشمس على حصائر القصب، ثم يفرزنه باليد. وفي الشتاء يشاركن في جني الزيتون ويعبّئن زيتا بكرا ممتازا من بساتين العائلات.',
    storyFr:
      "Al Karma, c'est le figuier qui pousse à côté de chaque maison sur les collines de Zoumi. Neuf jeunes femmes ont fondé la coopérative en 2023 pour ne plus vendre à bas prix les figues de leurs familles au bord de la route. En août et septembre, elles cueillent les figues bien mûres, les font sécher au soleil sur des nattes de roseau et les trient à la main. L'hiver, elles participent à la récolte des olives et mettent en bouteille une huile extra vierge issue des vergers familiaux.",
    storyEn:
      "Al Karma is the fig tree that grows beside every house in the hills of Zoumi. Nine young women founded the cooperative in 2023 so that they would no longer have to sell their families' figs cheaply by the roadside. In August and September they pick the figs fully ripe, dry them in the sun on reed mats and sort them by hand. In winter they join the olive harvest and bottle extra-virgin oil from the family groves.",
    rib: '101345000374928156030057',
    accountHolder: 'Coopérative féminine Al Karma de Zoumi',
    status: 'applied',
    decisionNote: null,
    brandColor: '#5b3a6e',
    manager: {
      name: 'Ilham Ouadghiri',
      email: 'ilham.ouadghiri@demo.taawun.ma',
      phone: '+212676914208',
    },
    members: [
      { name: 'Salma Bouchta', email: 'salma.bouchta@demo.taawun.ma', phone: '+212634719025' },
    ],
    makers: [
      {
        name: 'Ouafae Bouchta',
        bioAr: 'تقطف التين في الصباح الباكر قبل أن تشتد الحرارة.',
        bioFr: 'Elle cueille les figues tôt le matin, avant la chaleur.',
        bioEn: 'She picks the figs early in the morning, before the heat.',
        showPublicly: true,
      },
      {
        name: 'Nadia Chbani',
        bioAr: 'تفرز التين المجفف حبة حبة وتعبئه في علب صغيرة.',
        bioFr: null,
        bioEn: 'She sorts the dried figs one by one and packs them in small boxes.',
        showPublicly: true,
      },
    ],
  },

  // 8. Nador (Oriental) — prickly pear seed oil and soaps (cosmetics).
  {
    slug: 'aknari-beni-chiker',
    legalNameAr: 'تعاونية أكناري النسوية لبني شيكر',
    legalNameFr: 'Coopérative féminine Aknari de Beni Chiker',
    displayName: 'Aknari',
    category: 'agricultural',
    womenOnly: true,
    memberCount: 15,
    womenMemberCount: 15,
    foundedYear: 2013,
    registerNumber: '2013/54',
    registerCourt: 'Tribunal de première instance de Nador',
    ice: '002883594000012',
    taxId: '18463527',
    vatStatus: 'exempt',
    regionCode: 'oriental',
    provinceCode: 'nador',
    commune: 'Beni Chiker',
    address: 'Centre de Beni Chiker, à côté de la maison communale, route de Nador',
    phone: '+212536609187',
    email: 'contact@aknari-beni-chiker.demo.taawun.ma',
    storyAr:
      '«أكناري» هو اسم التين الشوكي بالأمازيغية، ذلك الصبار الذي يسيّج حقول بني شيكر. في الصيف تجمع خمس عشرة امرأة الثمار الناضجة، فيستخرجن البذور ويغسلنها ويجففنها في الظل. ويحتاج لتر واحد من الزيت إلى نحو طن من الثمار، أي قرابة ثلاثين كيلوغراما من البذور، تعصرها النساء على البارد ثم يصفّين الزيت في ورشتهن. ومن بقية الثمار، مع زيت الزيتون المحلي، يصنعن صابونا لطيفا للبشرة الحساسة.',
    storyFr:
      "Aknari est le nom amazighe de la figue de Barbarie, ce cactus qui borde les champs de Beni Chiker. En été, quinze femmes récoltent les fruits mûrs, en retirent les graines, les lavent et les font sécher à l'ombre. Il faut près d'une tonne de fruits, soit une trentaine de kilos de graines, pour obtenir un litre d'huile, que les femmes pressent à froid et filtrent dans leur atelier. Avec le reste des fruits et l'huile d'olive locale, elles fabriquent des savons doux pour les peaux sensibles.",
    storyEn:
      'Aknari is the Amazigh name for the prickly pear, the cactus that hedges the fields of Beni Chiker. In summer fifteen women gather the ripe fruit, take out the seeds, wash them and dry them in the shade. One litre of oil needs about a tonne of fruit, or some thirty kilograms of seeds, which the women cold-press and filter in their workshop. With the rest of the fruit and local olive oil they make gentle soaps for sensitive skin.',
    rib: '230360000650719348841070',
    accountHolder: 'Coopérative féminine Aknari de Beni Chiker',
    status: 'active',
    decisionNote: 'Register extract and RIB verified by phone with the manager. Approved.',
    brandColor: '#2e7d8c',
    manager: {
      name: 'Fatiha El Ouahabi',
      email: 'fatiha.elouahabi@demo.taawun.ma',
      phone: '+212666273918',
    },
    members: [
      { name: 'Siham Mouhib', email: 'siham.mouhib@demo.taawun.ma', phone: '+212641390572' },
    ],
    makers: [
      {
        name: 'Hadda Mouhib',
        bioAr: 'تجمع ثمار الصبار بملقط خشبي وتستخرج بذورها بصبر.',
        bioFr:
          'Elle cueille les figues de Barbarie avec une pince en bois et en extrait patiemment les graines.',
        bioEn: 'She picks the prickly pears with wooden tongs and patiently takes out their seeds.',
        showPublicly: true,
      },
      {
        name: 'Zoulikha Akhrif',
        bioAr: 'تشغّل آلة العصر على البارد وتصفّي الزيت قطرة قطرة.',
        bioFr: "Elle fait tourner la presse à froid et filtre l'huile goutte à goutte.",
        bioEn: 'She runs the cold press and filters the oil drop by drop.',
        showPublicly: true,
      },
      {
        name: 'Mimouna Benali',
        bioAr: 'تصنع الصابون وتقطعه إلى قطع صغيرة.',
        bioFr: null,
        bioEn: null,
        showPublicly: false,
      },
    ],
  },
]
