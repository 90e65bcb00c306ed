/**
 * The demo's vocabulary in the other five UN languages (issue 11 item 6): template, section, property and
 * relation type labels, glossary definitions and thesaurus values, written as UN translations are (UN
 * terminology: "Open-ended Working Group", "Groupe de travail à composition non limitée", "Рабочая группа
 * открытого состава"…; M49 region names as the UN Statistics Division gives them). One line per English
 * text, `en|ar|zh|fr|ru|es`, so a translator reads a term across the six languages at once; the English is
 * the key, so a label used twice ("Legislation", a section and a document type) is translated once.
 */
import type { Labels } from '../../domain/schemas/translations.ts';

const OTHER = ['ar', 'zh', 'fr', 'ru', 'es'] as const;

function table(lines: string): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const line of lines.trim().split('\n')) {
    const [en, ...rest] = line.split('|');
    if (!en || rest.length !== OTHER.length) throw new Error(`demo translations: bad line "${line}"`);
    out.set(en, Object.fromEntries(OTHER.map((l, i) => [l, rest[i]])) as Labels);
  }
  return out;
}

/** Labels: templates, sections, properties, thesauri and their values, relation types. */
export const LABELS = table(`
State|الدولة|国家|État|Государство|Estado
Organisation|المنظمة|组织|Organisation|Организация|Organización
Document|الوثيقة|文件|Document|Документ|Documento
Cybersecurity Policy|سياسة الأمن السيبراني|网络安全政策|Politique de cybersécurité|Политика в области кибербезопасности|Política de ciberseguridad
Structure|الهيكل|结构|Structure|Структура|Estructura
Legal Framework|الإطار القانوني|法律框架|Cadre juridique|Правовая база|Marco jurídico
Cooperation|التعاون|合作|Coopération|Сотрудничество|Cooperación
Members|الأعضاء|成员|Membres|Члены|Miembros
Policy|السياسة العامة|政策|Politique|Политика|Política
ISO 3166-1 alpha-2|الرمز الثنائي الأحرف وفق المعيار ISO 3166-1|ISO 3166-1 二位字母代码|ISO 3166-1 alpha-2|ISO 3166-1 alpha-2|ISO 3166-1 alfa-2
ISO 3166-1 alpha-3|الرمز الثلاثي الأحرف وفق المعيار ISO 3166-1|ISO 3166-1 三位字母代码|ISO 3166-1 alpha-3|ISO 3166-1 alpha-3|ISO 3166-1 alfa-3
ISO 3166-1 numeric|الرمز الرقمي وفق المعيار ISO 3166-1|ISO 3166-1 数字代码|ISO 3166-1 numérique|ISO 3166-1 цифровой|ISO 3166-1 numérico
Region|المنطقة|区域|Région|Регион|Región
Sub-region|المنطقة دون الإقليمية|次区域|Sous-région|Субрегион|Subregión
UN regional group|المجموعة الإقليمية في الأمم المتحدة|联合国区域组|Groupe régional de l’ONU|Региональная группа ООН|Grupo regional de las Naciones Unidas
Strategy Documents|وثائق الاستراتيجية|战略文件|Documents de stratégie|Стратегические документы|Documentos de estrategia
Implementation Frameworks|أطر التنفيذ|实施框架|Cadres de mise en œuvre|Механизмы реализации|Marcos de aplicación
National Centre or Responsible Agency|المركز الوطني أو الجهة المسؤولة|国家中心或主管机构|Centre national ou organisme responsable|Национальный центр или ответственное ведомство|Centro nacional u organismo responsable
Key Positions|المناصب الرئيسية|关键职位|Postes clés|Ключевые должности|Cargos clave
Dedicated Agencies and Functions|الوكالات والمهام المتخصصة|专门机构和职能|Organismes et fonctions spécialisés|Специализированные ведомства и функции|Organismos y funciones especializados
National CERT or CSIRT|الفريق الوطني للاستجابة لطوارئ الحاسوب أو لحوادث أمن الحاسوب|国家计算机应急小组或计算机安全事件响应小组|CERT ou CSIRT national|Национальная группа реагирования на компьютерные инциденты (CERT или CSIRT)|CERT o CSIRT nacional
Legislation|التشريعات|立法|Législation|Законодательство|Legislación
Views on International Law|الآراء بشأن القانون الدولي|对国际法的看法|Positions sur le droit international|Позиции по международному праву|Opiniones sobre el derecho internacional
Multilateral Agreements|الاتفاقات المتعددة الأطراف|多边协定|Accords multilatéraux|Многосторонние соглашения|Acuerdos multilaterales
UN Processes|عمليات الأمم المتحدة|联合国进程|Processus des Nations Unies|Процессы Организации Объединенных Наций|Procesos de las Naciones Unidas
Bilateral and Multilateral Cooperation|التعاون الثنائي والمتعدد الأطراف|双边和多边合作|Coopération bilatérale et multilatérale|Двустороннее и многостороннее сотрудничество|Cooperación bilateral y multilateral
Selected Activities|أنشطة مختارة|部分活动|Activités choisies|Отдельные мероприятия|Actividades seleccionadas
Membership|العضوية|成员资格|Appartenance|Членство|Pertenencia
Short name|الاسم المختصر|简称|Nom abrégé|Краткое название|Nombre abreviado
Kind|النوع|类别|Nature|Вид|Tipo
Founded|سنة التأسيس|成立年份|Année de création|Год основания|Año de fundación
Website|الموقع الشبكي|网站|Site Web|Веб-сайт|Sitio web
Member States|الدول الأعضاء|成员国|États membres|Государства-члены|Estados miembros
Other Documents|وثائق أخرى|其他文件|Autres documents|Другие документы|Otros documentos
Communications and Statements|البلاغات والبيانات|函件和声明|Communications et déclarations|Сообщения и заявления|Comunicaciones y declaraciones
Dedicated Bodies|الهيئات المتخصصة|专门机构|Organes spécialisés|Специализированные органы|Órganos especializados
Regulations and Directives|اللوائح والتوجيهات|条例和指令|Règlements et directives|Регламенты и директивы|Reglamentos y directivas
Document type|نوع الوثيقة|文件类型|Type de document|Тип документа|Tipo de documento
Status|الحالة|状态|Statut|Статус|Situación
Date|التاريخ|日期|Date|Дата|Fecha
Issuing body|الجهة المُصدِرة|发布机构|Organe émetteur|Издавший орган|Órgano emisor
States|الدول|国家|États|Государства|Estados
Organisations|المنظمات|组织|Organisations|Организации|Organizaciones
Summary|الموجز|摘要|Résumé|Резюме|Resumen
Sources|المصادر|来源|Sources|Источники|Fuentes
OEWG pillars|ركائز الفريق العامل المفتوح العضوية|不限成员名额工作组的支柱|Piliers du Groupe de travail à composition non limitée|Основные направления работы Рабочей группы открытого состава|Pilares del Grupo de Trabajo de Composición Abierta
GGE norms|قواعد فريق الخبراء الحكوميين|政府专家组规范|Normes du Groupe d’experts gouvernementaux|Нормы Группы правительственных экспертов|Normas del Grupo de Expertos Gubernamentales
Sample|عيّنة|样本|Exemple|Образец|Muestra
Document types|أنواع الوثائق|文件类型|Types de document|Типы документов|Tipos de documento
Document status|حالة الوثيقة|文件状态|Statut du document|Статус документа|Situación del documento
Regions (UN M49)|المناطق (التصنيف M49 للأمم المتحدة)|区域（联合国M49标准）|Régions (M49 de l’ONU)|Регионы (стандарт M49 ООН)|Regiones (M49 de las Naciones Unidas)
UN regional groups|المجموعات الإقليمية في الأمم المتحدة|联合国区域组|Groupes régionaux de l’ONU|Региональные группы ООН|Grupos regionales de las Naciones Unidas
GGE norms (2015)|قواعد فريق الخبراء الحكوميين (2015)|政府专家组规范（2015年）|Normes du Groupe d’experts gouvernementaux (2015)|Нормы Группы правительственных экспертов (2015 год)|Normas del Grupo de Expertos Gubernamentales (2015)
Organisation kinds|أنواع المنظمات|组织类别|Types d’organisation|Виды организаций|Tipos de organización
National strategy|استراتيجية وطنية|国家战略|Stratégie nationale|Национальная стратегия|Estrategia nacional
Implementation plan|خطة تنفيذ|实施计划|Plan de mise en œuvre|План реализации|Plan de aplicación
Regulation|لائحة|条例|Règlement|Регламент|Reglamento
Policy statement|بيان سياساتي|政策声明|Déclaration de politique générale|Программное заявление|Declaración de política
Position paper on international law|ورقة موقف بشأن القانون الدولي|关于国际法的立场文件|Document de position sur le droit international|Позиционный документ по международному праву|Documento de posición sobre el derecho internacional
UN submission|مساهمة مقدمة إلى الأمم المتحدة|提交联合国的材料|Contribution soumise à l’ONU|Материалы, представленные в ООН|Contribución presentada a las Naciones Unidas
Statement at the OEWG|بيان أمام الفريق العامل المفتوح العضوية|在不限成员名额工作组的发言|Déclaration devant le Groupe de travail à composition non limitée|Заявление в Рабочей группе открытого состава|Declaración ante el Grupo de Trabajo de Composición Abierta
Report|تقرير|报告|Rapport|Доклад|Informe
Agreement / treaty|اتفاق / معاهدة|协定/条约|Accord / traité|Соглашение / договор|Acuerdo / tratado
Memorandum of understanding|مذكرة تفاهم|谅解备忘录|Mémorandum d’accord|Меморандум о взаимопонимании|Memorando de entendimiento
Guidance / standard|إرشادات / معيار|指南/标准|Orientations / norme|Руководство / стандарт|Orientaciones / norma
In force|نافذ|有效|En vigueur|Действует|En vigor
In progress|قيد الإعداد|编制中|En cours d’élaboration|В процессе подготовки|En preparación
Superseded|مُستبدَل|已被取代|Remplacé|Утратил силу|Sustituido
Africa|أفريقيا|非洲|Afrique|Африка|África
Americas|الأمريكتان|美洲|Amériques|Америка|Américas
Asia|آسيا|亚洲|Asie|Азия|Asia
Europe|أوروبا|欧洲|Europe|Европа|Europa
Oceania|أوقيانوسيا|大洋洲|Océanie|Океания|Oceanía
Northern Africa|شمال أفريقيا|北非|Afrique du Nord|Северная Африка|África Septentrional
Eastern Africa|شرق أفريقيا|东非|Afrique de l’Est|Восточная Африка|África Oriental
Middle Africa|وسط أفريقيا|中部非洲|Afrique centrale|Центральная Африка|África Central
Southern Africa|الجنوب الأفريقي|南部非洲|Afrique australe|Южная часть Африки|África Meridional
Western Africa|غرب أفريقيا|西非|Afrique de l’Ouest|Западная Африка|África Occidental
Caribbean|منطقة البحر الكاريبي|加勒比|Caraïbes|Карибский бассейн|Caribe
Central America|أمريكا الوسطى|中美洲|Amérique centrale|Центральная Америка|Centroamérica
South America|أمريكا الجنوبية|南美洲|Amérique du Sud|Южная Америка|América del Sur
Northern America|أمريكا الشمالية|北美洲|Amérique septentrionale|Северная Америка|América Septentrional
Central Asia|آسيا الوسطى|中亚|Asie centrale|Центральная Азия|Asia Central
Eastern Asia|شرق آسيا|东亚|Asie de l’Est|Восточная Азия|Asia Oriental
South-eastern Asia|جنوب شرق آسيا|东南亚|Asie du Sud-Est|Юго-Восточная Азия|Asia Sudoriental
Southern Asia|جنوب آسيا|南亚|Asie du Sud|Южная Азия|Asia Meridional
Western Asia|غرب آسيا|西亚|Asie occidentale|Западная Азия|Asia Occidental
Eastern Europe|أوروبا الشرقية|东欧|Europe orientale|Восточная Европа|Europa Oriental
Northern Europe|أوروبا الشمالية|北欧|Europe septentrionale|Северная Европа|Europa Septentrional
Southern Europe|أوروبا الجنوبية|南欧|Europe méridionale|Южная Европа|Europa Meridional
Western Europe|أوروبا الغربية|西欧|Europe occidentale|Западная Европа|Europa Occidental
Australia and New Zealand|أستراليا ونيوزيلندا|澳大利亚和新西兰|Australie et Nouvelle-Zélande|Австралия и Новая Зеландия|Australia y Nueva Zelandia
Melanesia|ميلانيزيا|美拉尼西亚|Mélanésie|Меланезия|Melanesia
Micronesia|ميكرونيزيا|密克罗尼西亚|Micronésie|Микронезия|Micronesia
Polynesia|بولينيزيا|波利尼西亚|Polynésie|Полинезия|Polinesia
African|الدول الأفريقية|非洲国家|États d’Afrique|Группа государств Африки|Estados de África
Asia-Pacific|دول آسيا والمحيط الهادئ|亚洲-太平洋国家|États d’Asie et du Pacifique|Группа государств Азии и Тихого океана|Estados de Asia y el Pacífico
Eastern European|دول أوروبا الشرقية|东欧国家|États d’Europe orientale|Группа государств Восточной Европы|Estados de Europa Oriental
Latin American and Caribbean|دول أمريكا اللاتينية ومنطقة البحر الكاريبي|拉丁美洲和加勒比国家|États d’Amérique latine et des Caraïbes|Группа государств Латинской Америки и Карибского бассейна|Estados de América Latina y el Caribe
Western European and Others|دول أوروبا الغربية ودول أخرى|西欧和其他国家|États d’Europe occidentale et autres États|Группа государств Западной Европы и других государств|Estados de Europa Occidental y otros Estados
Existing and potential threats|التهديدات القائمة والمحتملة|现有和潜在威胁|Menaces existantes et potentielles|Существующие и потенциальные угрозы|Amenazas existentes y potenciales
Rules, norms and principles of responsible state behaviour|قواعد السلوك المسؤول للدول ومعاييره ومبادئه|负责任国家行为的规则、规范和原则|Règles, normes et principes de comportement responsable des États|Правила, нормы и принципы ответственного поведения государств|Reglas, normas y principios de comportamiento responsable de los Estados
International law|القانون الدولي|国际法|Droit international|Международное право|Derecho internacional
Confidence-building measures|تدابير بناء الثقة|建立信任措施|Mesures de confiance|Меры укрепления доверия|Medidas de fomento de la confianza
Capacity-building|بناء القدرات|能力建设|Renforcement des capacités|Укрепление потенциала|Creación de capacidad
Regular institutional dialogue|الحوار المؤسسي المنتظم|定期机制性对话|Dialogue institutionnel régulier|Регулярный институциональный диалог|Diálogo institucional periódico
13(a) — Cooperate for stability and security|13(أ) — التعاون من أجل الاستقرار والأمن|13(a)——为稳定与安全开展合作|13 a) — Coopérer pour la stabilité et la sécurité|13 a) — Сотрудничество в интересах стабильности и безопасности|13 a) — Cooperar en pro de la estabilidad y la seguridad
13(b) — Weigh all information about incidents|13(ب) — مراعاة جميع المعلومات المتعلقة بالحوادث|13(b)——考虑与事件有关的所有信息|13 b) — Tenir compte de toutes les informations sur les incidents|13 b) — Учет всей информации об инцидентах|13 b) — Considerar toda la información sobre los incidentes
13(c) — Do not allow territory to be used for wrongful acts|13(ج) — عدم السماح باستخدام الإقليم لارتكاب أفعال غير مشروعة|13(c)——不允许本国领土被用于不法行为|13 c) — Ne pas laisser utiliser son territoire pour des faits illicites|13 c) — Недопущение использования территории для противоправных деяний|13 c) — No permitir que el territorio se utilice para hechos ilícitos
13(d) — Cooperate against criminal and terrorist use|13(د) — التعاون على مكافحة الاستخدام لأغراض إجرامية وإرهابية|13(d)——合作打击犯罪和恐怖主义使用|13 d) — Coopérer contre l’utilisation à des fins criminelles et terroristes|13 d) — Сотрудничество в противодействии использованию в преступных и террористических целях|13 d) — Cooperar contra el uso con fines delictivos y terroristas
13(e) — Respect human rights and privacy|13(هـ) — احترام حقوق الإنسان والخصوصية|13(e)——尊重人权和隐私|13 e) — Respecter les droits humains et la vie privée|13 e) — Уважение прав человека и неприкосновенности частной жизни|13 e) — Respetar los derechos humanos y la privacidad
13(f) — Do not damage critical infrastructure|13(و) — عدم الإضرار بالبنية التحتية الحيوية|13(f)——不破坏关键基础设施|13 f) — Ne pas endommager les infrastructures critiques|13 f) — Непричинение ущерба критически важной инфраструктуре|13 f) — No dañar la infraestructura crítica
13(g) — Protect own critical infrastructure|13(ز) — حماية البنية التحتية الحيوية للدولة|13(g)——保护本国关键基础设施|13 g) — Protéger ses propres infrastructures critiques|13 g) — Защита собственной критически важной инфраструктуры|13 g) — Proteger la propia infraestructura crítica
13(h) — Respond to requests for assistance|13(ح) — الاستجابة لطلبات المساعدة|13(h)——回应援助请求|13 h) — Répondre aux demandes d’assistance|13 h) — Реагирование на просьбы о помощи|13 h) — Responder a las solicitudes de asistencia
13(i) — Keep supply chains trustworthy|13(ط) — ضمان موثوقية سلاسل الإمداد|13(i)——确保供应链可信|13 i) — Garantir la fiabilité des chaînes d’approvisionnement|13 i) — Обеспечение надежности цепочек поставок|13 i) — Garantizar la fiabilidad de las cadenas de suministro
13(j) — Report vulnerabilities responsibly|13(ي) — الإبلاغ المسؤول عن مواطن الضعف|13(j)——负责任地报告漏洞|13 j) — Signaler les vulnérabilités de manière responsable|13 j) — Ответственное информирование об уязвимостях|13 j) — Notificar las vulnerabilidades de manera responsable
13(k) — Do not harm emergency response teams|13(ك) — عدم الإضرار بأفرقة التصدي للطوارئ|13(k)——不损害应急响应小组|13 k) — Ne pas porter atteinte aux équipes d’intervention d’urgence|13 k) — Непричинение вреда группам реагирования на чрезвычайные ситуации|13 k) — No dañar a los equipos de respuesta a emergencias
Intergovernmental organisation|منظمة حكومية دولية|政府间组织|Organisation intergouvernementale|Межправительственная организация|Organización intergubernamental
Framework or forum|إطار أو منتدى|框架或论坛|Cadre ou forum|Рамочный механизм или форум|Marco o foro
responds to|يرد على|回应|répond à|отвечает на|responde a
answered by|يُرَدّ عليه في|得到回应于|a reçu une réponse dans|получил ответ в|respondido en
cites|يستشهد بـ|引用|cite|ссылается на|cita
cited by|يُستشهد به في|被引用于|cité par|цитируется в|citado por
implements|ينفّذ|落实|met en œuvre|осуществляет|aplica
implemented by|يُنفَّذ بموجب|由以下文件落实|mis en œuvre par|осуществляется в|aplicado por
contradicts|يتعارض مع|与之抵触|contredit|противоречит|contradice
contradicted by|يتعارض معه|与之抵触的有|contredit par|опровергается в|contradicho por
supports|يؤيد|支持|appuie|поддерживает|apoya
supported by|يحظى بتأييد|得到以下支持|appuyé par|поддерживается в|apoyado por
elaborates|يتوسع في|阐述|développe|развивает|desarrolla
elaborated by|يُتوسَّع فيه في|阐述于|développé dans|развивается в|desarrollado en
same topic as|يتناول الموضوع نفسه الذي يتناوله|主题相同|même sujet que|на ту же тему, что и|mismo tema que
`);

/** Glossary definitions of the properties. */
export const DESCRIPTIONS = table(`
Two-letter code.|رمز مؤلف من حرفين.|二位字母代码。|Code à deux lettres.|Двухбуквенный код.|Código de dos letras.
Three-letter code.|رمز مؤلف من ثلاثة أحرف.|三位字母代码。|Code à trois lettres.|Трехбуквенный код.|Código de tres letras.
Three-digit numeric code, also used to draw the state on the map.|رمز رقمي مؤلف من ثلاثة أرقام، يُستخدم أيضًا لرسم الدولة على الخريطة.|三位数字代码，也用于在地图上绘制该国。|Code numérique à trois chiffres, qui sert aussi à représenter l’État sur la carte.|Трехзначный цифровой код, используемый также для отображения государства на карте.|Código numérico de tres dígitos, que también sirve para representar al Estado en el mapa.
UN M49 region.|المنطقة وفق التصنيف M49 للأمم المتحدة.|联合国M49标准所定区域。|Région selon la norme M49 de l’ONU.|Регион по стандарту M49 ООН.|Región según la norma M49 de las Naciones Unidas.
UN M49 sub-region (intermediate region where M49 defines one).|المنطقة دون الإقليمية وفق التصنيف M49 للأمم المتحدة (أو المنطقة الوسيطة حيثما يحددها التصنيف).|联合国M49标准所定次区域（如M49标准界定了中间区域，则为中间区域）。|Sous-région selon la norme M49 de l’ONU (région intermédiaire lorsque la norme en définit une).|Субрегион по стандарту M49 ООН (промежуточный регион, если стандарт его выделяет).|Subregión según la norma M49 de las Naciones Unidas (región intermedia cuando la norma la define).
The regional group the state belongs to for elections at the United Nations.|المجموعة الإقليمية التي تنتمي إليها الدولة لأغراض الانتخابات في الأمم المتحدة.|该国在联合国选举中所属的区域组。|Groupe régional auquel l’État appartient aux fins des élections à l’Organisation des Nations Unies.|Региональная группа, к которой государство относится для целей выборов в Организации Объединенных Наций.|Grupo regional al que pertenece el Estado a efectos de las elecciones en las Naciones Unidas.
Official texts in which the state lays out its cybersecurity vision, priorities and strategy, such as a national cybersecurity strategy.|النصوص الرسمية التي تعرض فيها الدولة رؤيتها وأولوياتها واستراتيجيتها في مجال الأمن السيبراني، مثل الاستراتيجية الوطنية للأمن السيبراني.|国家阐述其网络安全愿景、优先事项和战略的官方文本，例如国家网络安全战略。|Textes officiels dans lesquels l’État expose sa vision, ses priorités et sa stratégie en matière de cybersécurité, comme une stratégie nationale de cybersécurité.|Официальные тексты, в которых государство излагает свое видение, приоритеты и стратегию в области кибербезопасности, например национальная стратегия кибербезопасности.|Textos oficiales en los que el Estado expone su visión, sus prioridades y su estrategia en materia de ciberseguridad, como una estrategia nacional de ciberseguridad.
Action plans, roadmaps, government guidance and standards through which the national cyber policy is put into practice.|خطط العمل وخرائط الطريق والإرشادات الحكومية والمعايير التي توضع من خلالها السياسة السيبرانية الوطنية موضع التنفيذ.|落实国家网络政策的行动计划、路线图、政府指南和标准。|Plans d’action, feuilles de route, orientations gouvernementales et normes par lesquels la politique nationale en matière de cybersécurité est mise en œuvre.|Планы действий, дорожные карты, правительственные руководства и стандарты, посредством которых осуществляется национальная киберполитика.|Planes de acción, hojas de ruta, orientaciones gubernamentales y normas mediante los cuales se aplica la política cibernética nacional.
The lead body that shapes or carries out national cyber policy and coordinates the other institutions involved.|الهيئة الرئيسية التي تضع السياسة السيبرانية الوطنية أو تنفذها وتنسق عمل المؤسسات الأخرى المعنية.|制定或执行国家网络政策并协调其他相关机构的牵头机构。|Organisme chef de file qui élabore ou met en œuvre la politique nationale en matière de cybersécurité et coordonne les autres institutions concernées.|Головной орган, который формирует или осуществляет национальную киберполитику и координирует работу других причастных учреждений.|Órgano rector que formula o ejecuta la política cibernética nacional y coordina a las demás instituciones interesadas.
Officials and posts charged with national cyber policy as a whole or with one of its parts.|المسؤولون والمناصب المكلفون بالسياسة السيبرانية الوطنية ككل أو بجزء منها.|负责整个国家网络政策或其中某一部分的官员和职位。|Responsables et postes chargés de la politique nationale en matière de cybersécurité dans son ensemble ou de l’un de ses volets.|Должностные лица и должности, отвечающие за национальную киберполитику в целом или за одно из ее направлений.|Funcionarios y cargos encargados de la política cibernética nacional en su conjunto o de alguno de sus aspectos.
Ministries, agencies and units that support or carry out parts of the national cyber policy.|الوزارات والوكالات والوحدات التي تدعم أجزاء من السياسة السيبرانية الوطنية أو تنفذها.|支持或执行国家网络政策部分内容的部委、机构和单位。|Ministères, organismes et services qui appuient ou mettent en œuvre certains volets de la politique nationale en matière de cybersécurité.|Министерства, ведомства и подразделения, которые содействуют осуществлению отдельных направлений национальной киберполитики или осуществляют их.|Ministerios, organismos y dependencias que apoyan o ejecutan partes de la política cibernética nacional.
The team officially designated to handle and coordinate the response to cyber incidents at national level.|الفريق المعيَّن رسميًا لمعالجة الحوادث السيبرانية وتنسيق التصدي لها على الصعيد الوطني.|经正式指定在国家层面处理和协调应对网络事件的小组。|Équipe officiellement désignée pour traiter les cyberincidents et coordonner la riposte à l’échelle nationale.|Группа, официально назначенная для обработки киберинцидентов и координации реагирования на них на национальном уровне.|Equipo designado oficialmente para gestionar y coordinar la respuesta a los incidentes cibernéticos a nivel nacional.
Laws and other legal instruments in force that bear on cybersecurity and the wider national cyber policy.|القوانين وغيرها من الصكوك القانونية النافذة ذات الصلة بالأمن السيبراني وبالسياسة السيبرانية الوطنية عمومًا.|与网络安全及更广泛的国家网络政策有关的现行法律和其他法律文书。|Lois et autres instruments juridiques en vigueur qui concernent la cybersécurité et, plus largement, la politique nationale en matière de cybersécurité.|Действующие законы и иные правовые акты, касающиеся кибербезопасности и национальной киберполитики в целом.|Leyes y otros instrumentos jurídicos vigentes relacionados con la ciberseguridad y, en general, con la política cibernética nacional.
Official statements and papers setting out the state's view of how international law applies to the use of ICTs.|البيانات والورقات الرسمية التي تعرض رأي الدولة في كيفية انطباق القانون الدولي على استخدام تكنولوجيا المعلومات والاتصالات.|阐述国家对国际法如何适用于信息和通信技术使用之看法的官方声明和文件。|Déclarations et documents officiels exposant la position de l’État sur la manière dont le droit international s’applique à l’utilisation du numérique.|Официальные заявления и документы, излагающие позицию государства о применении международного права к использованию ИКТ.|Declaraciones y documentos oficiales en los que el Estado expone su opinión sobre la aplicación del derecho internacional al uso de las TIC.
International treaties on cyber matters that the state has signed or joined, such as regional cybercrime or cybersecurity conventions.|المعاهدات الدولية المتعلقة بالمسائل السيبرانية التي وقعتها الدولة أو انضمت إليها، مثل الاتفاقيات الإقليمية المتعلقة بالجريمة السيبرانية أو الأمن السيبراني.|国家已签署或加入的网络问题国际条约，例如关于网络犯罪或网络安全的区域公约。|Traités internationaux relatifs aux questions cyber que l’État a signés ou auxquels il a adhéré, comme les conventions régionales sur la cybercriminalité ou la cybersécurité.|Международные договоры по киберпроблематике, которые государство подписало или к которым присоединилось, например региональные конвенции о киберпреступности или кибербезопасности.|Tratados internacionales sobre cuestiones cibernéticas que el Estado ha firmado o a los que se ha adherido, como los convenios regionales sobre ciberdelincuencia o ciberseguridad.
The state's contributions to UN discussions on ICTs in international security, such as expert groups, the Open-ended Working Group and replies to the Secretary-General.|مساهمات الدولة في مناقشات الأمم المتحدة بشأن تكنولوجيا المعلومات والاتصالات في سياق الأمن الدولي، مثل أفرقة الخبراء والفريق العامل المفتوح العضوية والردود على الأمين العام.|国家对联合国关于国际安全背景下信息和通信技术问题讨论的贡献，例如专家组、不限成员名额工作组以及对秘书长的答复。|Contributions de l’État aux débats des Nations Unies sur le numérique dans le contexte de la sécurité internationale, tels que les groupes d’experts, le Groupe de travail à composition non limitée et les réponses au Secrétaire général.|Вклад государства в обсуждения в ООН по вопросам ИКТ в контексте международной безопасности, например в группах экспертов, Рабочей группе открытого состава и в ответах Генеральному секретарю.|Contribuciones del Estado a los debates de las Naciones Unidas sobre las TIC en el contexto de la seguridad internacional, como los grupos de expertos, el Grupo de Trabajo de Composición Abierta y las respuestas al Secretario General.
Agreements, binding or not, dialogues and joint exercises on cyber matters between the state and other states or organisations.|الاتفاقات، الملزمة وغير الملزمة، والحوارات والتمارين المشتركة بشأن المسائل السيبرانية بين الدولة ودول أو منظمات أخرى.|国家与其他国家或组织之间关于网络问题的协定（无论是否具有约束力）、对话和联合演习。|Accords, contraignants ou non, dialogues et exercices conjoints sur les questions cyber entre l’État et d’autres États ou organisations.|Соглашения, как обязательные, так и необязательные, диалоги и совместные учения по киберпроблематике между государством и другими государствами или организациями.|Acuerdos, vinculantes o no, diálogos y ejercicios conjuntos sobre cuestiones cibernéticas entre el Estado y otros Estados u organizaciones.
Other notable cyber policy initiatives and international engagement of the state not covered by the sections above.|مبادرات أخرى جديرة بالذكر في مجال السياسة السيبرانية وأوجه المشاركة الدولية للدولة غير المشمولة بالأقسام السابقة.|上述各节未涵盖的该国其他值得注意的网络政策举措和国际参与。|Autres initiatives notables de l’État en matière de politique cyber et d’engagement international, non couvertes par les rubriques précédentes.|Другие заметные инициативы государства в области киберполитики и его международное участие, не охваченные предыдущими разделами.|Otras iniciativas destacadas del Estado en materia de política cibernética y participación internacional no comprendidas en las secciones anteriores.
Intergovernmental organisations and frameworks the state belongs to; the same links as the member lists of those organisations.|المنظمات والأطر الحكومية الدولية التي تنتمي إليها الدولة؛ وهي الروابط نفسها الواردة في قوائم أعضاء تلك المنظمات.|该国所属的政府间组织和框架；与这些组织成员名单中的链接相同。|Organisations et cadres intergouvernementaux auxquels l’État appartient ; ce sont les mêmes liens que dans les listes de membres de ces organisations.|Межправительственные организации и механизмы, в которые входит государство; те же связи, что и в списках членов этих организаций.|Organizaciones y marcos intergubernamentales a los que pertenece el Estado; son los mismos vínculos que figuran en las listas de miembros de esas organizaciones.
Acronym or short form.|الاختصار أو الاسم المختصر.|首字母缩略词或简称。|Sigle ou forme abrégée.|Аббревиатура или краткая форма.|Sigla o forma abreviada.
Whether the body is a formal organisation or a looser framework or forum.|ما إذا كانت الهيئة منظمة رسمية أو إطارًا أو منتدى أقل رسمية.|该机构是正式组织，还是较为松散的框架或论坛。|Indique s’il s’agit d’une organisation formelle ou d’un cadre ou forum plus souple.|Является ли орган официальной организацией или менее формальным механизмом или форумом.|Indica si el órgano es una organización formal o un marco o foro menos estructurado.
Year the organisation was founded.|السنة التي أُنشئت فيها المنظمة.|该组织成立的年份。|Année de création de l’organisation.|Год основания организации.|Año de fundación de la organización.
Official website.|الموقع الشبكي الرسمي.|官方网站。|Site Web officiel.|Официальный веб-сайт.|Sitio web oficial.
The states that belong to the organisation or take part in the framework; the same links as the Membership section of those states.|الدول الأعضاء في المنظمة أو المشاركة في الإطار؛ وهي الروابط نفسها الواردة في قسم العضوية لتلك الدول.|属于该组织或参与该框架的国家；与这些国家“成员资格”一节中的链接相同。|États membres de l’organisation ou participant au cadre ; ce sont les mêmes liens que dans la rubrique « Appartenance » de ces États.|Государства, входящие в организацию или участвующие в механизме; те же связи, что и в разделе «Членство» этих государств.|Estados que pertenecen a la organización o participan en el marco; son los mismos vínculos que figuran en la sección «Pertenencia» de esos Estados.
Official texts of the organisation setting out its cyber policy plans, priorities and principles.|النصوص الرسمية للمنظمة التي تعرض خططها وأولوياتها ومبادئها في مجال السياسة السيبرانية.|该组织阐述其网络政策计划、优先事项和原则的官方文本。|Textes officiels de l’organisation exposant ses plans, priorités et principes en matière de politique cyber.|Официальные тексты организации, излагающие ее планы, приоритеты и принципы в области киберполитики.|Textos oficiales de la organización en los que expone sus planes, prioridades y principios en materia de política cibernética.
Guidance the organisation has produced or endorsed: shared practices, frameworks, handbooks and expert reports.|الإرشادات التي أعدتها المنظمة أو أقرتها: الممارسات المشتركة والأطر والأدلة وتقارير الخبراء.|该组织制定或认可的指导材料：共同做法、框架、手册和专家报告。|Orientations élaborées ou approuvées par l’organisation : pratiques communes, cadres, manuels et rapports d’experts.|Руководящие материалы, подготовленные или одобренные организацией: общая практика, рамочные документы, справочники и доклады экспертов.|Orientaciones elaboradas o respaldadas por la organización: prácticas comunes, marcos, manuales e informes de expertos.
Declarations of the organisation or its organs stating positions, commitments or plans of action on cyber matters.|إعلانات المنظمة أو أجهزتها التي تعرض مواقف أو التزامات أو خطط عمل بشأن المسائل السيبرانية.|该组织或其机关就网络问题阐明立场、承诺或行动计划的宣言。|Déclarations de l’organisation ou de ses organes énonçant des positions, des engagements ou des plans d’action sur les questions cyber.|Заявления организации или ее органов, излагающие позиции, обязательства или планы действий по киберпроблематике.|Declaraciones de la organización o de sus órganos en las que se exponen posiciones, compromisos o planes de acción sobre cuestiones cibernéticas.
Bodies within the organisation, existing or planned, that lead or coordinate its cyber work.|الهيئات القائمة أو المزمع إنشاؤها داخل المنظمة التي تقود عملها في المجال السيبراني أو تنسقه.|该组织内部现有或计划设立的、牵头或协调其网络工作的机构。|Organes de l’organisation, existants ou prévus, qui dirigent ou coordonnent ses travaux dans le domaine cyber.|Существующие или планируемые органы в структуре организации, которые руководят ее работой по киберпроблематике или координируют ее.|Órganos de la organización, existentes o previstos, que dirigen o coordinan su labor en el ámbito cibernético.
Officials and posts charged with the organisation's cyber policy.|المسؤولون والمناصب المكلفون بالسياسة السيبرانية للمنظمة.|负责该组织网络政策的官员和职位。|Responsables et postes chargés de la politique cyber de l’organisation.|Должностные лица и должности, отвечающие за киберполитику организации.|Funcionarios y cargos encargados de la política cibernética de la organización.
Instruments of the organisation that bind its members, such as conventions, regulations and directives on cyber matters.|صكوك المنظمة الملزمة لأعضائها، مثل الاتفاقيات واللوائح والتوجيهات المتعلقة بالمسائل السيبرانية.|该组织对其成员具有约束力的文书，例如关于网络问题的公约、条例和指令。|Instruments de l’organisation qui lient ses membres, tels que les conventions, règlements et directives sur les questions cyber.|Документы организации, обязательные для ее членов, например конвенции, регламенты и директивы по киберпроблематике.|Instrumentos de la organización que obligan a sus miembros, como los convenios, reglamentos y directivas sobre cuestiones cibernéticas.
What kind of document this is.|نوع هذه الوثيقة.|本文件的类型。|Nature du document.|Вид документа.|Clase de documento de que se trata.
Whether the document is in force, still being prepared, or replaced.|ما إذا كانت الوثيقة نافذة أو لا تزال قيد الإعداد أو استُبدلت.|本文件是否有效、仍在编制中或已被取代。|Indique si le document est en vigueur, en cours d’élaboration ou remplacé.|Действует ли документ, находится ли он в процессе подготовки или утратил силу.|Indica si el documento está en vigor, en preparación o ha sido sustituido.
Date of adoption, publication or delivery.|تاريخ الاعتماد أو النشر أو الإلقاء.|通过、发布或发表的日期。|Date d’adoption, de publication ou de prononcé.|Дата принятия, опубликования или оглашения.|Fecha de aprobación, publicación o pronunciamiento.
The body or bodies that issued the document; several are separated by semicolons.|الجهة أو الجهات التي أصدرت الوثيقة؛ ويُفصل بين الجهات المتعددة بفواصل منقوطة.|发布本文件的一个或多个机构；多个机构之间以分号隔开。|Organe ou organes qui ont publié le document ; s’il y en a plusieurs, ils sont séparés par des points-virgules.|Орган или органы, издавшие документ; несколько органов разделяются точкой с запятой.|Órgano u órganos que emitieron el documento; si son varios, se separan con punto y coma.
States that issued the document or that it concerns.|الدول التي أصدرت الوثيقة أو التي تتعلق بها الوثيقة.|发布本文件或与本文件有关的国家。|États qui ont publié le document ou qu’il concerne.|Государства, издавшие документ или которых он касается.|Estados que emitieron el documento o a los que se refiere.
Organisations that issued the document or that it concerns.|المنظمات التي أصدرت الوثيقة أو التي تتعلق بها الوثيقة.|发布本文件或与本文件有关的组织。|Organisations qui ont publié le document ou qu’il concerne.|Организации, издавшие документ или которых он касается.|Organizaciones que emitieron el documento o a las que se refiere.
Short summary of the main points.|موجز قصير للنقاط الرئيسية.|要点简述。|Bref résumé des points principaux.|Краткое изложение основных положений.|Breve resumen de los puntos principales.
Source links to the original publisher|روابط إلى المصدر الأصلي الناشر|指向原始发布者的来源链接|Liens vers la source d’origine|Ссылки на первоисточник|Enlaces a la fuente original
The pillars of the UN Open-ended Working Group on ICTs the document addresses.|ركائز الفريق العامل المفتوح العضوية المعني بتكنولوجيا المعلومات والاتصالات التي تتناولها الوثيقة.|本文件涉及的联合国信息和通信技术问题不限成员名额工作组的支柱。|Piliers du Groupe de travail à composition non limitée des Nations Unies sur le numérique que le document aborde.|Основные направления работы Рабочей группы открытого состава ООН по ИКТ, которые затрагивает документ.|Pilares del Grupo de Trabajo de Composición Abierta de las Naciones Unidas sobre las TIC que aborda el documento.
The 2015 GGE norms of responsible state behaviour the document addresses.|قواعد السلوك المسؤول للدول التي وضعها فريق الخبراء الحكوميين في عام 2015 وتتناولها الوثيقة.|本文件涉及的2015年政府专家组负责任国家行为规范。|Normes de comportement responsable des États énoncées par le Groupe d’experts gouvernementaux en 2015 que le document aborde.|Нормы ответственного поведения государств, сформулированные Группой правительственных экспертов в 2015 году, которые затрагивает документ.|Normas de comportamiento responsable de los Estados formuladas por el Grupo de Expertos Gubernamentales en 2015 que aborda el documento.
Set on sample documents written by the project for the demo; they are not real official texts.|تُوسم بها الوثائق النموذجية التي كتبها المشروع لأغراض العرض التوضيحي؛ وهي ليست نصوصًا رسمية حقيقية.|标注于本项目为演示而编写的样本文件；这些文件并非真实的官方文本。|Indiqué sur les documents d’exemple rédigés par le projet pour la démonstration ; ce ne sont pas de véritables textes officiels.|Указывается для образцов документов, написанных проектом для демонстрации; это не настоящие официальные тексты.|Se indica en los documentos de muestra redactados por el proyecto para la demostración; no son textos oficiales reales.
`);

type Named = { label: string; labels?: Labels };
const labelled = <T extends Named>(x: T): T => ({ ...x, labels: { ...LABELS.get(x.label), ...x.labels } });

/** A template with its label, section headings, property labels and glossary texts in the six languages. */
export function withTemplateLabels<
  T extends Named & {
    properties: (Named & { section?: string; description?: string })[];
    sectionLabels?: Record<string, Labels>;
  },
>(t: T): T {
  const sections = [...new Set(t.properties.flatMap((p) => (p.section ? [p.section] : [])))];
  return {
    ...labelled(t),
    sectionLabels: Object.fromEntries(sections.flatMap((s) => (LABELS.has(s) ? [[s, LABELS.get(s)!]] : []))),
    properties: t.properties.map((p) => ({
      ...labelled(p),
      ...(p.description && DESCRIPTIONS.has(p.description)
        ? { descriptions: DESCRIPTIONS.get(p.description) }
        : {}),
    })),
  };
}

/** A thesaurus with its label and every value's label in the six languages. */
export const withThesaurusLabels = <T extends Named & { values: Named[] }>(t: T): T => ({
  ...labelled(t),
  values: t.values.map(labelled),
});

/** A relation type read both ways in the six languages. */
export const withRelationLabels = <T extends Named & { inverseLabel: string; inverseLabels?: Labels }>(
  r: T,
): T => ({
  ...labelled(r),
  inverseLabels: { ...LABELS.get(r.inverseLabel), ...r.inverseLabels },
});
