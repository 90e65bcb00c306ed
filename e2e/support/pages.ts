/** Ids the journeys in other languages need, from the API (the demo collection). */
export type DemoIds = { estonia: string; kenya: string; document: string; strategy: string };

export async function demoIds(url: string): Promise<DemoIds> {
  const list = async (template: string, offset = 0) =>
    (
      (await (
        await fetch(`${url}/api/v1/entities?template=${template}&limit=100&offset=${offset}`)
      ).json()) as { items: { id: string; title: string }[] }
    ).items;
  const states = [...(await list('State')), ...(await list('State', 100)), ...(await list('State', 200))];
  const idOf = (title: string) => states.find((s) => s.title === title)?.id ?? '';
  const docs = await list('Document');
  const plan = docs.find((d) => d.title.includes('Implementation Plan')) ?? docs[0];
  const strategy = docs.find((d) => d.title.includes('National Cybersecurity Strategy')) ?? docs[0];
  return {
    estonia: idOf('Estonia'),
    kenya: idOf('Kenya'),
    document: plan?.id ?? '',
    strategy: strategy?.id ?? '',
  };
}

/** Every page of the portal (without the language), and what shows that it has rendered. */
export const PAGES: { name: string; path: (ids: DemoIds) => string; ready: string }[] = [
  // Any state drawn: its name is in the reader's language.
  { name: 'home', path: () => '/', ready: 'svg.worldmap__svg path[aria-label]' },
  { name: 'profile', path: () => '/states/estonia', ready: '[data-profile-ready]' },
  { name: 'browse', path: () => '/browse', ready: '.browse__group' },
  { name: 'compare', path: (i) => `/compare?ids=${i.estonia},${i.kenya}`, ready: 'table.ctable' },
  { name: 'glossary', path: () => '/glossary', ready: 'main h1' },
  { name: 'search', path: () => '/search?q=norms', ready: '.ssearch__list li' },
  {
    name: 'viewer',
    path: (i) => `/documents/${i.document}`,
    ready: '.viewer__page[data-page="1"] [data-start]',
  },
  { name: 'signin', path: () => '/signin', ready: 'form input[type="password"]' },
];

/**
 * The pages behind sign-in (an admin sees them all), and what shows that each has rendered: the editors'
 * Translations page and editor, the admins' settings and import.
 */
export const SIGNED_IN_PAGES: { name: string; path: (ids: DemoIds) => string; ready: string }[] = [
  {
    name: 'translations',
    path: () => '/translations?lang=ar&kind=entities',
    ready: '.translations__list li',
  },
  { name: 'editor', path: (i) => `/entities/${i.document}/edit`, ready: '.elangs' },
  { name: 'new-document', path: () => '/new/Document', ready: '.elangs' },
  { name: 'admin', path: () => '/admin', ready: '.settings__index' },
  { name: 'admin-accounts', path: () => '/admin/accounts', ready: 'main h1' },
  { name: 'admin-activity', path: () => '/admin/activity', ready: '.settings__entry' },
  { name: 'admin-orphaned', path: () => '/admin/orphaned', ready: 'main h1' },
  { name: 'admin-thesauri', path: () => '/admin/thesauri/regions', ready: 'main h1' },
  { name: 'import', path: () => '/admin/import', ready: 'main h1' },
];
