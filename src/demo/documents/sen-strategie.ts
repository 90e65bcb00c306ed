import { senStrategieEn } from './sen-strategie-en.ts';
import { h, li, p, SAMPLE_LABEL_FR, type SampleDocument } from './types.ts';

export const senStrategie: SampleDocument = {
  key: 'sen-strategie-nationale-cybersecurite-2023',
  title: 'Stratégie nationale de cybersécurité 2023–2028',
  shortTitle: 'Stratégie nationale de cybersécurité',
  issuer: 'SEN',
  issuerName: 'République du Sénégal',
  documentType: 'national-strategy',
  status: 'in-force',
  date: '2023-03-15',
  issuingBody: "Ministère de la Communication, des Télécommunications et de l'Économie numérique",
  subtitle: SAMPLE_LABEL_FR,
  summary: [
    'Cinq objectifs stratégiques, de la gouvernance à la coopération régionale et internationale.',
    "Crée un CSIRT national et protège les infrastructures d'information critiques.",
    'Affirme la souveraineté numérique et la diligence raisonnable des États dans le cyberespace.',
  ],
  oewgPillars: ['international-law', 'capacity-building', 'existing-and-potential-threats'],
  ggeNorms: ['norm-13c', 'norm-13d', 'norm-13g'],
  layout: 'single',
  language: 'fr',
  blocks: [
    h('1. Contexte'),
    p(
      "1. Le Sénégal a fait du numérique un levier central de son développement économique et social. La dématérialisation des procédures administratives, l'essor du paiement mobile et le déploiement des infrastructures à haut débit ont rapproché l'administration des citoyens et ouvert de nouvelles perspectives aux entreprises. Cette transformation expose toutefois le pays à des menaces croissantes : fraude en ligne, rançongiciels visant les administrations et les hôpitaux, atteintes aux données personnelles et campagnes de désinformation.",
    ),
    p(
      "2. La présente Stratégie prend la suite de la stratégie adoptée en 2017. Elle tient compte des enseignements tirés de sa mise en œuvre, notamment de la nécessité de renforcer la coordination entre les acteurs publics et privés, de doter le pays d'une capacité nationale de réponse aux incidents et de former davantage de spécialistes.",
    ),
    h('2. Vision et objectifs stratégiques'),
    p(
      "3. La vision du Sénégal est celle d'un cyberespace de confiance, sécurisé et résilient, au service de l'émergence du pays. Cinq objectifs stratégiques en découlent :",
    ),
    li('renforcer le cadre juridique et institutionnel de la cybersécurité ;'),
    li("protéger les infrastructures d'information critiques ;"),
    li('développer une capacité nationale de réponse aux incidents ;'),
    li('former les compétences et sensibiliser la population ;'),
    li('renforcer la coopération régionale et internationale.'),
    h('3. Cadre juridique et institutionnel'),
    p(
      "4. Le Sénégal est partie à la Convention de Budapest sur la cybercriminalité et à la Convention de l'Union africaine sur la cybersécurité et la protection des données à caractère personnel, dite Convention de Malabo. Le cadre juridique national sera actualisé afin d'intégrer les infractions nouvelles, de faciliter la conservation rapide des preuves électroniques et de garantir le respect des droits fondamentaux, notamment la protection des données personnelles et la liberté d'expression. Les magistrats, les enquêteurs et les avocats bénéficieront de formations régulières sur la preuve électronique, et la Commission de protection des données personnelles sera consultée sur chaque projet de texte touchant à la collecte ou à la conservation des données.",
    ),
    p(
      '5. Une Autorité nationale de cybersécurité, placée auprès de la Présidence de la République, assurera la coordination de la politique nationale. Elle veillera à la cohérence des actions des ministères, des régulateurs sectoriels et des opérateurs, et rendra compte chaque année de la mise en œuvre de la Stratégie.',
    ),
    h('4. Protection et réponse'),
    p(
      "6. Les opérateurs d'infrastructures d'information critiques, dans les secteurs de l'énergie, des télécommunications, de la finance, de la santé, de l'eau et des transports, seront désignés par arrêté. Ils devront procéder à une analyse annuelle des risques, appliquer des règles de sécurité minimales et notifier sans délai les incidents significatifs. Un centre national de réponse aux incidents de sécurité informatique, le CSIRT national, sera chargé de la veille, de l'alerte et de la coordination de la réponse, en lien avec les équipes sectorielles et avec ses homologues étrangers.",
    ),
    h('5. Compétences et sensibilisation'),
    p(
      "7. Des formations spécialisées seront développées avec les universités et les écoles d'ingénieurs, et un programme de sensibilisation visera les élèves, les agents publics et les petites entreprises. Une attention particulière sera portée à la participation des femmes aux métiers de la cybersécurité.",
    ),
    h('6. Coopération et droit international'),
    p(
      "8. Le Sénégal considère que le droit international, et en particulier la Charte des Nations Unies, s'applique au cyberespace. Il affirme sa souveraineté sur les systèmes d'information situés sur son territoire : toute pénétration non autorisée de ces systèmes par un autre État, ou toute opération produisant des effets sur son territoire, constitue une violation de sa souveraineté. La souveraineté numérique suppose également la maîtrise des données stratégiques de l'État et des infrastructures qui les hébergent.",
    ),
    p(
      "9. Les États ont une obligation de diligence raisonnable : ils ne doivent pas laisser sciemment leur territoire être utilisé pour commettre des actes internationalement illicites au moyen des technologies de l'information, et doivent prendre les mesures raisonnables à leur disposition pour y mettre fin. Le Sénégal sollicitera l'assistance de ses partenaires lorsque ses propres moyens techniques ne suffisent pas.",
    ),
    p(
      "10. Le Sénégal participe activement aux travaux du Groupe de travail à composition non limitée des Nations Unies et soutient la création d'un mécanisme permanent, inclusif et orienté vers l'action. Il renforcera sa coopération avec la CEDEAO, l'Union africaine et ses partenaires bilatéraux, notamment en matière de formation et de lutte contre la cybercriminalité.",
    ),
    h('7. Mise en œuvre et suivi'),
    p(
      "11. Un plan d'action triennal précisera les mesures, les responsables, les échéances et les indicateurs. L'Autorité nationale de cybersécurité en assurera le suivi, et une évaluation à mi-parcours sera conduite en 2026.",
    ),
  ],
  versions: [senStrategieEn],
};
