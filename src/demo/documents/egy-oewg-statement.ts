import { h, p, SAMPLE_LABEL, SAMPLE_LABEL_AR, type SampleDocument } from './types.ts';

/**
 * A sample statement written in Arabic for the demo (issue 11 item 6), with its English version: the
 * Arabic is the original, searched in its own script by the tests. Not an official text of Egypt.
 */
export const egyOewgStatement: SampleDocument = {
  key: 'egy-oewg-statement-2024',
  title:
    'بيان وفد جمهورية مصر العربية أمام الفريق العامل المفتوح العضوية المعني بأمن تكنولوجيا المعلومات والاتصالات',
  shortTitle: 'بيان أمام الفريق العامل المفتوح العضوية',
  issuer: 'EGY',
  issuerName: 'جمهورية مصر العربية',
  documentType: 'oewg-statement',
  status: 'in-force',
  date: '2024-12-03',
  issuingBody: 'البعثة الدائمة لجمهورية مصر العربية لدى الأمم المتحدة',
  subtitle: SAMPLE_LABEL_AR,
  summary: [
    'يدعو إلى آلية دائمة واحدة للحوار المؤسسي المنتظم تعمل بتوافق الآراء تحت رعاية الأمم المتحدة.',
    'يطالب بأن يكون بناء القدرات قائمًا على الطلب ومراعيًا لأولويات البلدان النامية.',
    'يؤكد حماية البنية التحتية الحيوية وأهمية دليل جهات الاتصال في حالات الطوارئ.',
  ],
  oewgPillars: ['capacity-building', 'regular-institutional-dialogue', 'confidence-building-measures'],
  ggeNorms: ['norm-13f', 'norm-13g', 'norm-13h'],
  layout: 'single',
  language: 'ar',
  blocks: [
    p('السيد الرئيس،'),
    p(
      '1. يود وفد جمهورية مصر العربية أن يعرب عن تقديره لجهودكم في إعداد مشروع التقرير المرحلي السنوي. إن أمن الفضاء السيبراني شرط أساسي لتحقيق التنمية المستدامة، ولا يمكن لأي دولة أن تواجه التهديدات السيبرانية بمفردها.',
    ),
    h('أولاً: الحوار المؤسسي المنتظم'),
    p(
      '2. تؤيد مصر إنشاء آلية دائمة واحدة تحت رعاية الجمعية العامة، تعمل بتوافق الآراء وتكون مفتوحة لجميع الدول الأعضاء على قدم المساواة. وينبغي أن تبني هذه الآلية على ما تحقق في الفريق العامل المفتوح العضوية، وأن تتيح للدول النامية مشاركة فعالة في مناقشاتها.',
    ),
    p(
      '3. ونرى أن برنامج عمل الآلية المقبلة ينبغي أن تقرره الدول مجتمعة، وألا يُفرض مسبقًا من جانب مجموعة محدودة من البلدان. فالشمول هو الضمان الحقيقي لاستدامة أي نتيجة نتوصل إليها.',
    ),
    h('ثانياً: بناء القدرات'),
    p(
      '4. إن بناء القدرات هو الركيزة التي تتيح للبلدان النامية تنفيذ القواعد والمعايير المتفق عليها. ويجب أن يكون قائمًا على الطلب، وأن يحترم الملكية الوطنية، وأن يخلو من أي شروط سياسية. وتدعو مصر إلى إنشاء صندوق مخصص لبناء القدرات في مجال الأمن السيبراني تحت رعاية الأمم المتحدة.',
    ),
    p(
      '5. وقد أطلق المجلس الأعلى للأمن السيبراني في مصر برامج لتدريب الكوادر الوطنية والأفريقية على التصدي للحوادث السيبرانية، ونحن على استعداد لتبادل خبراتنا مع الدول الشقيقة والصديقة.',
    ),
    h('ثالثاً: البنية التحتية الحيوية وتدابير بناء الثقة'),
    p(
      '6. تشدد مصر على ضرورة حماية البنية التحتية الحيوية، ولا سيما قطاعات الطاقة والمياه والصحة والاتصالات، من أي نشاط سيبراني خبيث. وينبغي للدول أن تمتنع عن أي نشاط يلحق الضرر المتعمد بالبنية التحتية الحيوية لدولة أخرى.',
    ),
    p(
      '7. ونرحب بإنشاء الدليل العالمي لجهات الاتصال الحكومية الدولية، وقد عيّنت مصر جهتي الاتصال الدبلوماسية والتقنية. ونرى أن الاستخدام المنتظم لهذا الدليل في حالات الطوارئ من شأنه أن يعزز الثقة ويحد من مخاطر سوء الفهم والتصعيد.',
    ),
    p(
      '8. وختامًا، تؤكد مصر التزامها بالعمل مع جميع الوفود من أجل فضاء سيبراني آمن ومستقر ومفتوح يخدم التنمية والسلام. وشكرًا، السيد الرئيس.',
    ),
  ],
  versions: [
    {
      title:
        'Statement by the Delegation of the Arab Republic of Egypt at the Open-ended Working Group on ICT Security',
      shortTitle: 'Statement at the OEWG',
      issuerName: 'Arab Republic of Egypt',
      issuingBody: 'Permanent Mission of the Arab Republic of Egypt to the United Nations',
      subtitle: SAMPLE_LABEL,
      summary: [
        'Calls for a single permanent mechanism for regular institutional dialogue, working by consensus under the United Nations.',
        'Asks that capacity-building be demand-driven and reflect the priorities of developing countries.',
        'Stresses the protection of critical infrastructure and the use of the points-of-contact directory in emergencies.',
      ],
      language: 'en',
      blocks: [
        p('Mr. Chair,'),
        p(
          '1. The delegation of the Arab Republic of Egypt expresses its appreciation for your efforts in preparing the draft annual progress report. The security of cyberspace is a precondition for sustainable development, and no State can face cyber threats alone.',
        ),
        h('I. Regular institutional dialogue'),
        p(
          '2. Egypt supports the establishment of a single permanent mechanism under the General Assembly, working by consensus and open to all Member States on an equal footing. The mechanism should build on what the Open-ended Working Group has achieved and allow developing countries to take an effective part in its discussions.',
        ),
        p(
          '3. We believe that the programme of work of the future mechanism should be decided by all States together, and not determined in advance by a limited group of countries. Inclusiveness is the true guarantee that any outcome we reach will last.',
        ),
        h('II. Capacity-building'),
        p(
          '4. Capacity-building is the pillar that enables developing countries to implement the agreed rules and norms. It must be demand-driven, respect national ownership and carry no political conditions. Egypt calls for a dedicated fund for cybersecurity capacity-building under the auspices of the United Nations.',
        ),
        p(
          '5. The Egyptian Supreme Cybersecurity Council has launched programmes to train national and African professionals in responding to cyber incidents, and we stand ready to share our experience with brotherly and friendly States.',
        ),
        h('III. Critical infrastructure and confidence-building measures'),
        p(
          '6. Egypt stresses the need to protect critical infrastructure, in particular the energy, water, health and telecommunications sectors, from any malicious cyber activity. States should refrain from any activity that intentionally damages the critical infrastructure of another State.',
        ),
        p(
          '7. We welcome the establishment of the global intergovernmental points-of-contact directory, to which Egypt has nominated its diplomatic and technical contacts. Regular use of the directory in emergencies would strengthen trust and reduce the risk of misunderstanding and escalation.',
        ),
        p(
          '8. In conclusion, Egypt affirms its commitment to work with all delegations for a secure, stable and open cyberspace that serves development and peace. Thank you, Mr. Chair.',
        ),
      ],
    },
  ],
};
