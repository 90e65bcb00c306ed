import type { Template } from '../domain/schemas/template.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';

/** One template by name. */
export async function getTemplate({ store, name }: { store: Store; name: string }): Promise<Template> {
  const template = await store.templates.findByName(name);
  if (!template) throw new NotFound('Template', name);
  return template;
}
