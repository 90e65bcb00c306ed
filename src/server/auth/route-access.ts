import type { Role } from '../../domain/schemas/user.ts';

/** Methods that change nothing: no CSRF token, and open to anonymous readers unless listed below. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The lowest role each route needs, keyed by method and the route as registered (never the raw URL, which
 * can spell the same route many ways: `/%61pi/v1/…`). Checked in `onRequest`, before the body is parsed or
 * validated, so an anonymous or under-privileged caller learns nothing about the body's schema. The
 * operations check again (and alone decide what depends on the body, such as publishing).
 */
const MIN_ROLE: Record<string, Role> = {
  'POST /api/v1/templates': 'admin',
  'PUT /api/v1/templates/:name': 'admin',
  'POST /api/v1/thesauri': 'admin',
  'PUT /api/v1/thesauri/:name': 'admin',
  'POST /api/v1/relation-types': 'admin',
  'POST /api/v1/templates/:name/check': 'admin',
  'GET /api/v1/schema-jobs/:id': 'admin',
  'GET /api/v1/thesauri/:name/usage': 'admin',
  'POST /api/v1/thesauri/:name/merge': 'admin',
  'POST /api/v1/thesauri/:name/csv': 'admin',
  'PUT /api/v1/relation-types/:name': 'admin',
  'GET /api/v1/relation-types/:name/usage': 'admin',
  'DELETE /api/v1/relation-types/:name': 'admin',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'DELETE /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/reset-link': 'admin',
  'PUT /api/v1/site': 'admin',
  'GET /api/v1/activity': 'admin',
  'POST /api/v1/activity/:id/revert': 'editor',
  'POST /api/v1/activity/revert': 'editor',
  'POST /api/v1/entities/bulk': 'editor',
  'POST /api/v1/entities/:id/publish': 'editor',
  'POST /api/v1/entities/:id/unpublish': 'editor',
  'POST /api/v1/files/:id/ocr': 'admin',
  'PUT /api/v1/files/:id/toc': 'editor',
  'DELETE /api/v1/entities/:id': 'editor',
  'DELETE /api/v1/references/:id': 'editor',
  'GET /api/v1/references/orphaned': 'editor',
  'GET /api/v1/references/:id/reattach': 'editor',
  'POST /api/v1/references/:id/reattach': 'editor',
  'POST /api/v1/imports/csv': 'admin',
  'GET /api/v1/imports/:id': 'admin',
  'GET /api/v1/translations/missing': 'editor',
  'GET /api/v1/search/export/zip': 'collaborator',
};

/**
 * Writes anyone may send: signing in and out act on no session's authority beyond the caller's own; a
 * password-reset link is its own authority (the token in the body).
 */
const OPEN_WRITES = new Set([
  'POST /api/v1/session',
  'DELETE /api/v1/session',
  'POST /api/v1/password-reset/check',
  'POST /api/v1/password-reset',
]);

/** The route that signs in: it has no session yet, so it needs no CSRF token. */
export const SIGN_IN_ROUTE = 'POST /api/v1/session';

/** `METHOD /route/:param` for a request's matched route (HEAD counts as its GET twin); null when none matched. */
export const routeKey = (method: string, routeUrl: string | undefined) =>
  routeUrl === undefined ? null : `${method === 'HEAD' ? 'GET' : method} ${routeUrl}`;

/**
 * The role a route needs, or null when anyone may call it (or no route matched). A write route that is not listed needs a
 * signed-in user (collaborator, the lowest role), so a new write route is never open by omission.
 */
export function requiredRole(method: string, routeUrl: string | undefined): Role | null {
  const key = routeKey(method, routeUrl);
  if (key === null) return null; // no route matched: the answer is a 404 whoever asks
  if (MIN_ROLE[key]) return MIN_ROLE[key];
  return SAFE_METHODS.has(method) || OPEN_WRITES.has(key) ? null : 'collaborator';
}
