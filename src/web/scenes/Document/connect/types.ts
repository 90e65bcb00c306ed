import type { PickedEntity } from './TitleAutocomplete.tsx';

/** A passage chosen in a document: offsets into its file's text and the quote they cover. */
export type Passage = { fileId: string; start: number; end: number; exact: string; page: number };

/** Where the three-step connection is. */
export type ConnectState =
  | { step: 'idle' }
  | { step: 'details'; source: Passage }
  | { step: 'target'; source: Passage; relation: string; target: PickedEntity; picked: Passage | null };
