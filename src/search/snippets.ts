/** A passage of an entity's files shown on its result card (any engine). */
export type Snippet = { paragraphId: string; fileId: string; page: number; html: string };
