import { h, li, p, SAMPLE_LABEL_FR, type SampleVersion } from './types.ts';

/**
 * The French version of the sample position of France (fra-il-position.ts), paragraph for paragraph: the
 * demo's own translation, labelled as a sample. Not the official French text.
 */
export const fraIlPositionFr: SampleVersion = {
  title: 'Droit international appliqué aux opérations dans le cyberespace',
  shortTitle: 'Droit international appliqué aux opérations dans le cyberespace',
  issuerName: 'République française',
  issuingBody: 'Ministère des Armées',
  subtitle: SAMPLE_LABEL_FR,
  summary: [
    'Toute pénétration non autorisée de systèmes français produisant des effets sur le territoire français peut constituer une violation de souveraineté.',
    "Les contre-mesures sont réservées à l'État lésé ; les contre-mesures collectives ne sont pas admises.",
    "Le droit international humanitaire s'applique aux cyberopérations en période de conflit armé, y compris aux données civiles.",
  ],
  language: 'fr',
  blocks: [
    h('Introduction'),
    p(
      "1. La France considère que le droit international existant, et en particulier la Charte des Nations Unies, s'applique aux opérations conduites dans le cyberespace. Le cyberespace n'est pas une zone de non-droit : les principes de souveraineté, de non-intervention, d'interdiction de la menace ou de l'emploi de la force, ainsi que les règles de la responsabilité de l'État et du droit international humanitaire, encadrent ce que les États peuvent et ne peuvent pas y faire. Le présent document expose la manière dont la France interprète ces règles, afin que ses partenaires comme ses adversaires puissent anticiper le cadre juridique dans lequel elle agira.",
    ),
    h('1. Les cyberopérations en temps de paix'),
    h('1.1 La souveraineté'),
    p(
      "2. La France exerce sa souveraineté sur les systèmes d'information situés sur son territoire. Toute cyberattaque contre les systèmes numériques français, et tout effet produit sur le territoire français par voie numérique, par un organe de l'État ou par une personne ou entité exerçant des prérogatives de puissance publique, constitue une violation de souveraineté. Pour la France, la souveraineté est donc une règle dont la violation engage la responsabilité de l'État concerné, et non un simple principe ; une pénétration non autorisée de systèmes français peut constituer une telle violation même en l'absence de tout dommage physique.",
    ),
    p(
      "3. Une ingérence par voie numérique dans les affaires intérieures ou extérieures de la France, notamment dans ses processus électoraux, peut également constituer une intervention prohibée lorsqu'elle revêt un caractère coercitif, c'est-à-dire lorsqu'elle vise à priver la France de sa liberté de choix dans les matières relevant de sa compétence nationale.",
    ),
    h('1.2 La diligence requise'),
    p(
      "4. Les États ne doivent pas laisser sciemment utiliser leur territoire aux fins d'actes contraires aux droits d'autres États. Cette obligation de diligence requise, que la France tient pour coutumière, s'applique dans le cyberespace : un État qui a connaissance d'une cyberopération conduite depuis son territoire, y compris par des acteurs non étatiques, doit prendre les mesures raisonnables à sa disposition pour y mettre fin. La France encourage les États qui ne disposent pas des moyens techniques nécessaires à solliciter l'assistance de leurs partenaires.",
    ),
    h("1.3 L'attribution"),
    p(
      "5. L'attribution d'une cyberattaque à un État relève d'une décision politique souveraine. La France peut décider d'attribuer publiquement une opération sur la base de l'ensemble des informations dont elle dispose, y compris d'éléments techniques, de renseignement et de contexte. Le droit international n'oblige pas un État à divulguer les éléments de preuve sur lesquels repose une attribution ; la France en informe toutefois ses partenaires lorsque cela est opportun.",
    ),
    h('1.4 La réponse aux cyberattaques'),
    p(
      "6. En réponse à une cyberattaque portant atteinte à ses droits, la France peut adopter des mesures de rétorsion, actes inamicaux mais licites, tels que l'expulsion de diplomates ou la suspension d'une coopération. Elle peut également prendre des contre-mesures, c'est-à-dire des actes qui seraient autrement illicites mais qui deviennent licites parce qu'ils répondent à un fait internationalement illicite antérieur.",
    ),
    p(
      "7. Les contre-mesures ne peuvent être adoptées que par l'État victime du fait internationalement illicite. Elles doivent être proportionnées au préjudice subi, viser à amener l'État responsable à respecter ses obligations et être réversibles dans toute la mesure du possible. La France n'admet pas que des États tiers prennent des contre-mesures collectives au nom de l'État lésé ; elle considère que de telles contre-mesures collectives ne sont pas autorisées par le droit international, qui réserve cette faculté au seul État lésé. En cas d'urgence, la France peut prendre des contre-mesures sans notification préalable de l'État responsable lorsque cette notification en compromettrait l'efficacité.",
    ),
    p(
      "8. Une cyberattaque peut constituer une agression armée au sens de l'article 51 de la Charte si son ampleur et ses effets sont comparables à ceux d'une attaque menée avec des armes conventionnelles. La France peut alors exercer son droit naturel de légitime défense par tout moyen approprié, numérique ou conventionnel, dans les limites de la nécessité et de la proportionnalité. Il peut s'agir, par exemple, d'une opération qui met hors service une infrastructure critique avec des conséquences significatives ou qui paralyse des pans entiers de l'activité du pays.",
    ),
    h('2. Les cyberopérations en période de conflit armé'),
    p(
      "9. Le droit international humanitaire s'applique aux cyberopérations conduites dans le cadre d'un conflit armé, qu'il soit international ou non international. Le reconnaître n'encourage en rien la militarisation du cyberespace ; au contraire, cela limite les moyens et méthodes de guerre et protège les civils. Les principes de distinction, de proportionnalité et de précaution s'appliquent à toute cyberopération qualifiée d'attaque au sens du droit humanitaire.",
    ),
    p(
      "10. La France considère qu'une cyberopération constitue une attaque au sens du droit humanitaire lorsqu'elle cause des pertes en vies humaines, des blessures ou des dommages physiques, mais aussi lorsqu'elle rend un système inopérant, de manière temporaire ou permanente, de sorte que l'équipement ou le service qu'il soutient ne peut plus fonctionner comme prévu. Les données de contenu, telles que les données civiles médicales, bancaires ou de sécurité sociale, peuvent être protégées en tant que biens de caractère civil.",
    ),
    p(
      "11. Les forces armées qui conduisent des cyberopérations doivent veiller constamment à épargner la population civile. Avant toute opération, les commandants doivent vérifier le caractère militaire de l'objectif, évaluer les dommages incidents attendus et choisir les moyens qui réduisent au minimum les effets sur les systèmes civils, en particulier lorsque des réseaux sont partagés entre utilisateurs militaires et civils.",
    ),
    h('3. Les engagements de la France'),
    p(
      '12. La France continuera de prendre part aux discussions des Nations Unies sur le comportement responsable des États dans le cyberespace et promouvra :',
    ),
    li('la pleine application du droit international, y compris du droit humanitaire, aux cyberopérations ;'),
    li("la mise en œuvre des onze normes de comportement responsable approuvées par l'Assemblée générale ;"),
    li('une plus grande transparence des États sur leurs doctrines et sur leur interprétation du droit ;'),
    li("un cadre permanent et orienté vers l'action aux Nations Unies pour accompagner la mise en œuvre."),
    p(
      "13. La France invite les autres États à publier leur propre interprétation de l'application du droit international dans le cyberespace. La convergence de ces positions nationales est le moyen le plus sûr de renforcer la sécurité juridique, de réduire les risques de malentendu et d'escalade, et de donner une portée concrète à l'état de droit dans le cyberespace.",
    ),
  ],
};
