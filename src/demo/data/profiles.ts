/**
 * Short profile content for a few states and organisations of the demo: only well-known public facts (agency
 * and team names), written by the project as markdown. Relationship sections (documents) are filled by the
 * sample documents, not here.
 */

/** Markdown sections of a State profile (property names of the State template). */
export interface StateProfileContent {
  responsibleAgency?: string;
  keyPositions?: string;
  dedicatedAgencies?: string;
  nationalCert?: string;
  selectedActivities?: string;
}

/** Markdown sections and website of an Organisation profile (property names of the Organisation template). */
export interface OrganisationProfileContent {
  website?: string;
  dedicatedBodies?: string;
  keyPositions?: string;
}

/** State profile content keyed by ISO3. */
export const STATE_PROFILES: Readonly<Record<string, StateProfileContent>> = {
  AUS: {
    responsibleAgency:
      '**Australian Cyber Security Centre (ACSC)**, part of the Australian Signals Directorate (ASD).',
    keyPositions: '- National Cyber Security Coordinator (post created in 2023)',
    nationalCert: 'The **ACSC** acts as the national CERT; the former CERT Australia was merged into it.',
  },
  BRA: {
    responsibleAgency:
      '**Institutional Security Office of the Presidency (GSI/PR)**, which coordinates information and cyber security across the federal government.',
    nationalCert: [
      '- **CTIR Gov**, the government incident response centre, at the GSI/PR',
      '- **CERT.br**, run by NIC.br, for the Brazilian internet at large',
    ].join('\n'),
  },
  DEU: {
    responsibleAgency:
      '**Federal Office for Information Security (BSI)** — Bundesamt für Sicherheit in der Informationstechnik, under the Federal Ministry of the Interior.',
    dedicatedAgencies: [
      '- National Cyber Defence Centre (Nationales Cyber-Abwehrzentrum), a platform of federal authorities set up in 2011',
      '- Cyber and Information Domain Service of the Bundeswehr',
    ].join('\n'),
    nationalCert: '**CERT-Bund**, at the BSI.',
  },
  EST: {
    dedicatedAgencies: [
      '- Information System Authority (Riigi Infosüsteemi Amet, RIA)',
      '- Cyber Defence Unit of the Estonian Defence League',
    ].join('\n'),
    nationalCert: '**CERT-EE**, part of the Information System Authority (RIA).',
    selectedActivities: '- Hosts the NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE) in Tallinn',
  },
  FRA: {
    responsibleAgency:
      "**ANSSI** — Agence nationale de la sécurité des systèmes d'information, attached to the Secretariat-General for National Defence and Security (SGDSN).",
    dedicatedAgencies: '- Cyber Defence Command (COMCYBER), Ministry of the Armed Forces',
    nationalCert: '**CERT-FR**, operated by ANSSI.',
    selectedActivities: '- Launched the Paris Call for Trust and Security in Cyberspace (November 2018)',
  },
  GBR: {
    responsibleAgency: '**National Cyber Security Centre (NCSC)**, part of GCHQ, opened in 2016.',
    dedicatedAgencies: [
      '- Government Communications Headquarters (GCHQ)',
      '- National Cyber Force, a joint GCHQ and Ministry of Defence organisation (announced 2020)',
    ].join('\n'),
    nationalCert: 'The **NCSC** is the national CSIRT; CERT-UK was folded into it in 2016.',
  },
  IND: {
    keyPositions: '- National Cyber Security Coordinator, National Security Council Secretariat',
    dedicatedAgencies: '- National Critical Information Infrastructure Protection Centre (NCIIPC)',
    nationalCert:
      '**CERT-In** — Indian Computer Emergency Response Team, Ministry of Electronics and Information Technology.',
  },
  JPN: {
    responsibleAgency:
      '**National center of Incident readiness and Strategy for Cybersecurity (NISC)**, Cabinet Secretariat, the secretariat of the Cybersecurity Strategic Headquarters set up under the Basic Act on Cybersecurity (2014).',
    nationalCert: '**JPCERT/CC** — Japan Computer Emergency Response Team Coordination Center.',
  },
  KEN: {
    responsibleAgency:
      '**National Computer and Cybercrimes Coordination Committee (NC4)**, established by the Computer Misuse and Cybercrimes Act, 2018.',
    nationalCert: '**National KE-CIRT/CC**, run by the Communications Authority of Kenya.',
  },
  KOR: {
    dedicatedAgencies: [
      '- Korea Internet & Security Agency (KISA)',
      '- National Intelligence Service (NIS), which runs the national cyber security centre for the public sector',
    ].join('\n'),
    nationalCert: '**KrCERT/CC**, operated by the Korea Internet & Security Agency (KISA).',
  },
  SGP: {
    responsibleAgency: '**Cyber Security Agency of Singapore (CSA)**, set up in 2015.',
    keyPositions: '- Commissioner of Cybersecurity, who heads the CSA',
    nationalCert: '**SingCERT**, run by the CSA.',
    selectedActivities: [
      '- Hosts the annual Singapore International Cyber Week',
      '- ASEAN-Singapore Cybersecurity Centre of Excellence',
    ].join('\n'),
  },
  USA: {
    responsibleAgency:
      '**Cybersecurity and Infrastructure Security Agency (CISA)**, Department of Homeland Security, established in 2018.',
    keyPositions:
      '- National Cyber Director, head of the Office of the National Cyber Director in the Executive Office of the President (created 2021)',
    dedicatedAgencies: [
      '- US Cyber Command, Department of Defense',
      '- National Security Agency (NSA)',
      '- Federal Bureau of Investigation (FBI), Cyber Division',
    ].join('\n'),
    nationalCert: '**CISA** carries the national CSIRT role formerly known as US-CERT.',
  },
};

/** Organisation profile content keyed by short name (see `ORGANISATIONS`). */
export const ORGANISATION_PROFILES: Readonly<Record<string, OrganisationProfileContent>> = {
  UN: {
    website: 'https://www.un.org',
    dedicatedBodies: [
      '- Open-ended Working Group on security of and in the use of ICTs (2021–2025)',
      '- Office for Disarmament Affairs (UNODA), which supports the UN processes on ICTs in international security',
    ].join('\n'),
  },
  OSCE: {
    website: 'https://www.osce.org',
    dedicatedBodies:
      "- Informal Working Group set up by Permanent Council Decision No. 1039 (2012), which drew up the OSCE's cyber/ICT confidence-building measures",
  },
  ASEAN: {
    website: 'https://asean.org',
    dedicatedBodies: [
      '- ASEAN Ministerial Conference on Cybersecurity (AMCC)',
      '- ASEAN-Japan Cybersecurity Capacity Building Centre (AJCCBC), Bangkok',
      '- ASEAN-Singapore Cybersecurity Centre of Excellence, Singapore',
    ].join('\n'),
  },
  AU: { website: 'https://au.int' },
  OAS: {
    website: 'https://www.oas.org',
    dedicatedBodies:
      '- Inter-American Committee against Terrorism (CICTE), whose cybersecurity programme supports member states',
  },
  EU: {
    website: 'https://european-union.europa.eu',
    dedicatedBodies: [
      '- European Union Agency for Cybersecurity (ENISA)',
      '- CERT-EU, the cybersecurity service of the EU institutions, bodies and agencies',
      '- European Cybersecurity Competence Centre (ECCC), Bucharest',
    ].join('\n'),
  },
  CoE: {
    website: 'https://www.coe.int',
    dedicatedBodies: [
      '- Cybercrime Convention Committee (T-CY), of the parties to the Budapest Convention',
      '- Cybercrime Programme Office (C-PROC), Bucharest',
    ].join('\n'),
  },
  NATO: {
    website: 'https://www.nato.int',
    dedicatedBodies: [
      '- NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE), Tallinn',
      '- Cyberspace Operations Centre, at SHAPE in Mons',
      '- NATO Computer Incident Response Capability (NCIRC)',
    ].join('\n'),
  },
  Commonwealth: { website: 'https://thecommonwealth.org' },
  ECOWAS: { website: 'https://www.ecowas.int' },
  PIF: { website: 'https://www.forumsec.org' },
  CARICOM: { website: 'https://caricom.org' },
};
