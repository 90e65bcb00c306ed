/** True for the errors of a full disk or quota, from the file system (ENOSPC, EDQUOT) or SQLite (SQLITE_FULL). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
