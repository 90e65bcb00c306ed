import type { Template } from '../domain/schemas/template.ts';
import type { Store } from '../store/store.ts';

/** Every template; templates are public so readers can render any entity. */
export const listTemplates = ({ store }: { store: Store }): Promise<Template[]> => store.templates.list();
