import { h, li, p, SAMPLE_LABEL, SAMPLE_LABEL_RU, type SampleDocument } from './types.ts';

/**
 * A sample policy concept written in Russian for the demo (issue 11 item 6), with its English version: the
 * Russian is the original, searched in its own script by the tests. Not an official text of Kazakhstan.
 */
export const kazCyberConcept: SampleDocument = {
  key: 'kaz-cyber-concept-2023',
  title: 'Концепция развития кибербезопасности Республики Казахстан на 2023–2029 годы',
  shortTitle: 'Концепция кибербезопасности 2023–2029',
  issuer: 'KAZ',
  issuerName: 'Республика Казахстан',
  documentType: 'national-strategy',
  status: 'in-force',
  date: '2023-03-28',
  issuingBody: 'Министерство цифрового развития, инноваций и аэрокосмической промышленности',
  subtitle: SAMPLE_LABEL_RU,
  summary: [
    'Определяет защиту критически важных объектов информационно-коммуникационной инфраструктуры как главный приоритет.',
    'Создает национальный координационный центр информационной безопасности и отраслевые группы реагирования.',
    'Предусматривает подготовку специалистов и международное сотрудничество в рамках ООН и региональных организаций.',
  ],
  oewgPillars: ['existing-and-potential-threats', 'capacity-building', 'confidence-building-measures'],
  ggeNorms: ['norm-13g', 'norm-13j'],
  layout: 'single',
  language: 'ru',
  blocks: [
    h('1. Общие положения'),
    p(
      '1. Настоящая Концепция определяет цели, принципы и основные направления государственной политики в области кибербезопасности на 2023–2029 годы. Она исходит из того, что цифровая трансформация экономики и государственного управления возможна только при надежной защите информационных систем.',
    ),
    p(
      '2. Концепция разработана с учетом докладов Группы правительственных экспертов и Рабочей группы открытого состава Организации Объединенных Наций, а также обязательств Республики Казахстан в рамках региональных организаций.',
    ),
    h('2. Оценка текущей ситуации'),
    p(
      '3. За последние три года число зарегистрированных компьютерных инцидентов выросло более чем вдвое. Наибольшую угрозу представляют атаки программ-вымогателей на объекты энергетики, здравоохранения и транспорта, а также фишинговые кампании против государственных служащих.',
    ),
    p(
      '4. Сохраняется нехватка квалифицированных специалистов: потребность государственных органов и операторов критически важных объектов оценивается в несколько тысяч человек.',
    ),
    h('3. Основные направления'),
    p('5. Для достижения целей Концепции предусматриваются следующие меры:'),
    li(
      'создание Национального координационного центра информационной безопасности, круглосуточно отслеживающего инциденты;',
    ),
    li(
      'формирование отраслевых групп реагирования на компьютерные инциденты в энергетике, финансах и связи;',
    ),
    li(
      'ежегодная проверка защищенности критически важных объектов информационно-коммуникационной инфраструктуры;',
    ),
    li('порядок ответственного раскрытия сведений об уязвимостях для исследователей и производителей.'),
    p(
      '6. Подготовка кадров будет вестись совместно с ведущими университетами: к 2029 году планируется ежегодно выпускать не менее тысячи специалистов по информационной безопасности.',
    ),
    h('4. Международное сотрудничество'),
    p(
      '7. Республика Казахстан поддерживает работу Рабочей группы открытого состава, участвует в глобальном справочнике контактных пунктов и развивает сотрудничество со странами Центральной Азии в области обмена информацией об угрозах.',
    ),
    p(
      '8. Реализация Концепции будет оцениваться ежегодно; доклад о ходе ее выполнения представляется Правительству Республики Казахстан.',
    ),
  ],
  versions: [
    {
      title: 'Concept for the Development of Cybersecurity of the Republic of Kazakhstan for 2023–2029',
      shortTitle: 'Cybersecurity Concept 2023–2029',
      issuerName: 'Republic of Kazakhstan',
      issuingBody: 'Ministry of Digital Development, Innovation and Aerospace Industry',
      subtitle: SAMPLE_LABEL,
      summary: [
        'Makes the protection of critical ICT infrastructure the first priority.',
        'Creates a national information security coordination centre and sectoral response teams.',
        'Plans the training of specialists and international cooperation within the United Nations and regional organisations.',
      ],
      language: 'en',
      blocks: [
        h('1. General provisions'),
        p(
          '1. This Concept sets out the goals, principles and main directions of State policy on cybersecurity for 2023–2029. It proceeds from the premise that the digital transformation of the economy and of public administration is possible only if information systems are reliably protected.',
        ),
        p(
          '2. The Concept takes into account the reports of the United Nations Group of Governmental Experts and Open-ended Working Group, as well as the commitments of the Republic of Kazakhstan within regional organisations.',
        ),
        h('2. Assessment of the current situation'),
        p(
          '3. Over the past three years the number of registered computer incidents has more than doubled. The greatest threats are ransomware attacks on energy, health and transport facilities and phishing campaigns against civil servants.',
        ),
        p(
          '4. There remains a shortage of qualified specialists: State bodies and operators of critical facilities are estimated to need several thousand people.',
        ),
        h('3. Main directions'),
        p('5. To achieve the goals of the Concept, the following measures are planned:'),
        li(
          'the creation of a National Information Security Coordination Centre that monitors incidents around the clock;',
        ),
        li(
          'the formation of sectoral computer incident response teams in energy, finance and communications;',
        ),
        li('an annual security review of critical ICT infrastructure facilities;'),
        li('a procedure for the responsible disclosure of vulnerabilities by researchers and manufacturers.'),
        p(
          '6. Specialists will be trained together with leading universities: by 2029 at least one thousand information security specialists are to graduate each year.',
        ),
        h('4. International cooperation'),
        p(
          '7. The Republic of Kazakhstan supports the work of the Open-ended Working Group, takes part in the global points-of-contact directory and develops cooperation with the countries of Central Asia on sharing information about threats.',
        ),
        p(
          '8. The implementation of the Concept will be assessed every year; a progress report is submitted to the Government of the Republic of Kazakhstan.',
        ),
      ],
    },
  ],
};
