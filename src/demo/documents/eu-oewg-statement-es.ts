import { h, li, p, SAMPLE_LABEL_ES, type SampleVersion } from './types.ts';

/**
 * The Spanish version of the sample statement of the European Union (eu-oewg-statement.ts), paragraph for
 * paragraph: the demo's own translation, labelled as a sample. Not an official text of the Union.
 */
export const euOewgStatementEs: SampleVersion = {
  title:
    'Declaración de la UE en el octavo período de sesiones sustantivo del Grupo de Trabajo de Composición Abierta: el derecho internacional y el futuro mecanismo',
  shortTitle: 'Declaración de la UE en el GTCA, octavo período de sesiones',
  issuerName: 'Unión Europea',
  issuingBody: 'Delegación de la Unión Europea ante las Naciones Unidas',
  subtitle: SAMPLE_LABEL_ES,
  summary: [
    'El derecho internacional se aplica en su totalidad, incluido el derecho humanitario; no se necesita un nuevo instrumento vinculante.',
    'Apoya un mecanismo único, permanente y orientado a la acción, abierto a las partes interesadas.',
    'Describe la creación de capacidad de la UE y su conjunto de instrumentos de ciberdiplomacia como respuesta al ransomware y a otras amenazas.',
  ],
  language: 'es',
  blocks: [
    p('Señor Presidente:'),
    p(
      '1. Tengo el honor de hacer uso de la palabra en nombre de la Unión Europea y sus Estados miembros. Los países candidatos y candidatos potenciales, así como varios otros Estados europeos, se suman a esta declaración.',
    ),
    h('Amenazas'),
    p(
      '2. El ransomware sigue siendo la amenaza más perturbadora para muchas de nuestras sociedades. En el último año, hospitales, municipios y proveedores de energía de toda la Unión se han visto obligados a desconectarse, y los beneficios de estos ataques se blanquean a través de servicios de criptomonedas que están fuera del alcance de las víctimas. La UE también sigue observando actividades cibernéticas malintencionadas de actores estatales y de sus intermediarios contra infraestructuras críticas, en particular en el contexto de la guerra de agresión de Rusia contra Ucrania.',
    ),
    h('Derecho internacional'),
    p(
      '3. La UE y sus Estados miembros reafirman que el derecho internacional vigente se aplica en su totalidad al comportamiento de los Estados en el ciberespacio, incluidos la Carta de las Naciones Unidas, el derecho internacional humanitario y el derecho internacional de los derechos humanos. Este consenso, confirmado en los informes de los Grupos de Expertos Gubernamentales y de este Grupo de Trabajo, es el fundamento del marco para el comportamiento responsable de los Estados.',
    ),
    p(
      '4. Hemos escuchado la opinión de que examinar el derecho internacional humanitario legitimaría la guerra cibernética y militarizaría el ciberespacio. Discrepamos respetuosamente. Reconocer que el derecho internacional humanitario se aplica en situaciones de conflicto armado no fomenta los conflictos ni legitima el uso de la fuerza; limita los medios y métodos de guerra y protege a la población civil, incluidos los datos y servicios civiles de los que depende. Los principios de distinción, proporcionalidad y precaución deben guiar toda operación cibernética realizada en un conflicto armado.',
    ),
    p(
      '5. La UE acoge con satisfacción el número creciente de posiciones nacionales sobre la aplicación del derecho internacional en el ciberespacio, incluidas las de nuestros Estados miembros, como la posición publicada por Francia en 2019 sobre la soberanía, las contramedidas y el derecho humanitario. Estas posiciones aportan transparencia y seguridad jurídica, y alentamos a todos los Estados a publicar las suyas.',
    ),
    p(
      '6. La UE no considera necesario un nuevo instrumento jurídicamente vinculante sobre la seguridad de las TIC. El marco existente, basado en el derecho internacional y complementado por las normas voluntarias, aún no se ha aplicado plenamente. Negociar un nuevo tratado llevaría muchos años, podría reabrir lo ya acordado y desviaría la atención de la aplicación que los Estados, en especial los países en desarrollo, están solicitando.',
    ),
    h('Diálogo institucional periódico'),
    p(
      '7. La UE apoya un mecanismo único, permanente, inclusivo y orientado a la acción en el marco de las Naciones Unidas, que comience su labor cuando el Grupo de Trabajo concluya su mandato en 2025. Dicho mecanismo debería basarse en el consenso ya alcanzado en lugar de renegociarlo, y debería:',
    ),
    li(
      'apoyar a los Estados en la aplicación del marco mediante grupos de trabajo prácticos y transversales;',
    ),
    li(
      'poner en contacto las necesidades de los Estados con las ofertas de los asociados en la creación de capacidad;',
    ),
    li('permitir la participación significativa del sector privado, el mundo académico y la sociedad civil;'),
    li('adoptar las decisiones sustantivas por consenso y mantener a la vez métodos de trabajo eficientes.'),
    p(
      '8. Tomamos nota de la preocupación expresada por algunas delegaciones de que las propuestas sobre el futuro mecanismo no deben predeterminar su resultado. El Programa de Acción se concibió precisamente para estar abierto a todos los Estados y reflejar sus necesidades. Invitamos a todas las delegaciones a configurarlo juntas en este Grupo de Trabajo, sobre la base del consenso.',
    ),
    h('Creación de capacidad'),
    p(
      '9. La creación de capacidad es una responsabilidad compartida. La UE y sus Estados miembros apoyan a sus asociados de África, Asia, América Latina y el Caribe y la vecindad oriental, por ejemplo en la creación de equipos nacionales de respuesta a emergencias informáticas, la redacción de leyes sobre ciberdelincuencia conformes con el Convenio de Budapest y los derechos humanos, y la protección de las infraestructuras críticas. Seguimos los principios de creación de capacidad acordados en este Grupo de Trabajo: los programas deben responder a la demanda, estar bajo titularidad nacional, ser transparentes y tener en cuenta las cuestiones de género.',
    ),
    p(
      '10. Consideramos asimismo que la creación de capacidad debe servir a la aplicación del marco acordado, incluidas las once normas. La asistencia que refuerza la capacidad de un asociado para proteger sus infraestructuras críticas, cooperar más allá de sus fronteras y respetar los derechos humanos en línea es una asistencia al servicio de la paz y la seguridad internacionales.',
    ),
    h('Respuestas a las actividades malintencionadas'),
    p(
      '11. Con arreglo a su conjunto de instrumentos de ciberdiplomacia, la UE recurre a toda la gama de medidas diplomáticas, incluidas las medidas restrictivas, para prevenir, disuadir y responder a las actividades cibernéticas malintencionadas. Estas medidas son lícitas y proporcionadas y se basan en una evaluación minuciosa de toda la información pertinente, incluidos los elementos técnicos y contextuales, de conformidad con la norma 13 b).',
    ),
    p(
      '12. Señor Presidente, la UE seguirá participando de manera constructiva para que este período de sesiones sea un éxito y para asegurar que la transición al futuro mecanismo preserve todo lo que ha logrado este Grupo de Trabajo. Muchas gracias.',
    ),
  ],
};
