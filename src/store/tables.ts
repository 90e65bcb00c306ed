import type { Generated } from 'kysely';

/** Row types of the SQLite schema, as Kysely sees them (snake_case columns, JSON as text). */
export type UsersTable = {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** When an admin disabled the account; null: enabled (migration 2026113050-account-access). */
  disabled_at: Generated<string | null>;
  last_login_at: Generated<string | null>;
};
/** One-time password-reset links, by the SHA-256 of their token (migration 2026113050-account-access). */
export type PasswordResetsTable = {
  id: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};
/** The site's settings, JSON per key (migration 2026113051-site-settings). */
export type SiteSettingsTable = { key: string; value: string; updated_at: string };
export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};
export type TemplatesTable = {
  id: string;
  name: string;
  label: string;
  color: string | null;
  properties: string;
  /** JSON Labels (other UN languages); null: none. */
  labels: string | null;
  /** JSON `{section: Labels}`; null: none. */
  section_labels: string | null;
  created_at: string;
  updated_at: string;
};
export type ThesauriTable = {
  id: string;
  name: string;
  label: string;
  values: string;
  /** JSON Labels; null: none. */
  labels: string | null;
  created_at: string;
  updated_at: string;
};
export type EntitiesTable = {
  id: string;
  template_id: string;
  title: string;
  language: string;
  published: number;
  metadata: string;
  /** JSON EntityTranslations: title and text values in the other UN languages. */
  translations: Generated<string>;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  /** JSON LastReviewed; null: never reviewed. */
  last_reviewed: string | null;
  /** Incremented by every write (migration 2026113020). */
  version: Generated<number>;
};
export type EntityLinksTable = { from_id: string; property: string; to_id: string };
export type FilesTable = {
  id: string;
  entity_id: string;
  filename: string;
  mime_type: string;
  kind: string;
  size: number;
  sha256: string;
  storage_key: string;
  status: string;
  reason: string | null;
  /** JSON FileReasonNote[] read off `reason` when it was stored (migration 2026113061-file-reason-codes). */
  reason_codes: string | null;
  language: string | null;
  page_count: number | null;
  paragraph_count: number | null;
  progress: number | null;
  full_text: string | null;
  created_at: string;
  updated_at: string;
  role: string;
};
export type FileVersionsTable = {
  file_id: string;
  version: number;
  filename: string;
  mime_type: string;
  kind: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_at: string;
  replaced_at: string;
};
export type PagesTable = {
  file_id: string;
  number: number;
  width: number;
  height: number;
  start: number;
  end: number;
  text: string;
  lines: string;
};
export type ParagraphsTable = {
  rowid: Generated<number>;
  id: string;
  file_id: string;
  ordinal: number;
  page: number;
  page_end: number;
  start: number;
  end: number;
  text: string;
  is_heading: number;
  language: string | null;
  rects: string;
};
export type RelationTypesTable = {
  id: string;
  name: string;
  label: string;
  inverse_label: string;
  /** JSON Labels of the label and of the inverse label; null: none. */
  labels: string | null;
  inverse_labels: string | null;
};
export type TextReferencesTable = {
  id: string;
  relation_type_id: string;
  source_entity_id: string;
  source_file_id: string;
  source_start: number;
  source: string;
  target_entity_id: string;
  target_file_id: string | null;
  target_start: number | null;
  target: string | null;
  orphaned: Generated<number>;
  created_by: string | null;
  created_at: string;
};
export type JobsTable = {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  error: string | null;
  progress: number | null;
  owner: string | null;
  lease_expires: number | null;
  created_at: string;
  updated_at: string;
};
export type ActivityLogTable = {
  id: Generated<number>;
  user_id: string | null;
  username: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  at: string;
  /** JSON EntityChange[] of an entity write; null otherwise (migration 2026113020). */
  changes: string | null;
  /** The entry's stable code and its JSON params (migration 2026113060-activity-codes); null before it. */
  code: string | null;
  params: string | null;
};

/** A file's table of contents, one row per entry in order (migration 2026113021-toc-entries). */
/** Ids of imported records in their source system (`import-uwazi`), so a second import changes nothing. */
export type ImportMappingsTable = {
  source: string;
  kind: string;
  source_id: string;
  local_id: string;
  created_at: string;
  fingerprint: string | null;
  data: string | null;
};
export type TocEntriesTable = {
  file_id: string;
  ordinal: number;
  label: string;
  level: number;
  page: number;
  paragraph_id: string | null;
  source: string;
};

/** The whole schema. */
export type Tables = {
  users: UsersTable;
  sessions: SessionsTable;
  templates: TemplatesTable;
  thesauri: ThesauriTable;
  entities: EntitiesTable;
  entity_links: EntityLinksTable;
  files: FilesTable;
  file_versions: FileVersionsTable;
  pages: PagesTable;
  paragraphs: ParagraphsTable;
  relation_types: RelationTypesTable;
  text_references: TextReferencesTable;
  jobs: JobsTable;
  activity_log: ActivityLogTable;
  toc_entries: TocEntriesTable;
  import_mappings: ImportMappingsTable;
  password_resets: PasswordResetsTable;
  site_settings: SiteSettingsTable;
};
