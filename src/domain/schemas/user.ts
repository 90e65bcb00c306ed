import { z } from 'zod';
import { ActivityCode, ActivityParams } from './activity-note.ts';
import { Id, Timestamp } from './common.ts';
import { EntityChange } from './entity.ts';

/** admin: everything; editor: all content and publishing; collaborator: creates and edits, cannot publish. */
export const ROLES = ['admin', 'editor', 'collaborator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .regex(/^[a-zA-Z0-9._@-]{3,64}$/, 'must be 3–64 letters, digits, dots, dashes, @ or underscores');

/** A password policy long enough to resist guessing, without composition rules (NIST 800-63B). */
export const Password = z.string().min(10, 'must be at least 10 characters').max(256);

export const UserInput = z.object({ username: Username, password: Password, role: Role });
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = z.object({
  password: Password.optional(),
  role: Role.optional(),
  disabled: z
    .boolean()
    .optional()
    .describe('true disables the account (it cannot sign in, its sessions end); false enables it again'),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** A user as the API shows it: never the hash. */
export const User = z.object({
  id: Id,
  username: z.string(),
  role: Role,
  lockedUntil: Timestamp.nullable(),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable().describe('When an admin disabled the account; null while it is enabled'),
  lastSignInAt: Timestamp.nullable().describe('The last successful sign-in; null: never signed in'),
  passwordSet: z
    .boolean()
    .describe('false for an account that has no password yet (imported from Uwazi): it needs a reset link'),
});
export type User = z.infer<typeof User>;

/** How long a password-reset link works (ARCHITECTURE.md, Accounts and security). */
export const RESET_LINK_HOURS = 24;

/**
 * A one-time password-reset link as its admin gets it: the secret token (shown once, stored only as its
 * hash) and when it stops working. The web app's page for it is `/reset-password#<token>`.
 */
export const PasswordResetLink = z.object({
  userId: Id,
  username: z.string(),
  token: z.string(),
  expiresAt: Timestamp,
});
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

/** The token of a reset link, as the page sends it back. */
export const ResetToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a reset link token');

/** `POST /password-reset/check`: is this link still good, and for whom. */
export const PasswordResetCheck = z.object({ token: ResetToken });
export const PasswordResetStatus = z.object({ username: z.string(), expiresAt: Timestamp });
export type PasswordResetStatus = z.infer<typeof PasswordResetStatus>;

/** `POST /password-reset`: the new password, with the link's token. */
export const PasswordResetInput = z.object({ token: ResetToken, password: Password });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

export const LoginInput = z.object({ username: z.string().max(64), password: z.string().max(256) });

/** The current session: who is signed in and the token every write must echo in `x-csrf-token`. */
export const SessionInfo = z.object({ user: User.nullable(), csrfToken: z.string().nullable() });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** One entry of the activity log. */
export const Activity = z.object({
  id: z.number().int(),
  userId: Id.nullable(),
  username: z.string().nullable(),
  action: z.string().describe('create, update, delete, login…'),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string().describe('What happened, in English (API, CLI, logs)'),
  code: ActivityCode.nullable().describe(
    'What happened as a stable code, for a client to word in its language; null for entries written before codes',
  ),
  params: ActivityParams.describe(
    'The values the code names (titles, file names, counts); {} without a code',
  ),
  at: Timestamp,
  changes: z
    .array(EntityChange)
    .nullable()
    .describe('Entity writes: the field-level diff (before → after); null for other entries'),
});
export type Activity = z.infer<typeof Activity>;
