import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../../domain/schemas/index.ts';

/** One account: name and marks, role, created, last sign-in, and its actions (none on one's own row). */
export function AccountRow({
  user,
  self,
  format,
  onRole,
  onDisabled,
  onResetLink,
  onDelete,
}: {
  user: User;
  self: boolean;
  format: (iso: string) => string;
  onRole: (role: Role) => void;
  onDisabled: (disabled: boolean) => void;
  onResetLink: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const disabled = user.disabledAt !== null;
  return (
    <tr className={disabled ? 'settings__disabled' : undefined}>
      <th scope="row">
        {user.username}
        {self && <span className="muted"> {t('settings.accounts.you')}</span>}
        {disabled && <span className="settings__badge">{t('settings.accounts.disabledMark')}</span>}
        {!user.passwordSet && <span className="settings__badge">{t('settings.accounts.noPassword')}</span>}
        {user.lockedUntil && new Date(user.lockedUntil) > new Date() && (
          <span className="settings__badge">{t('settings.accounts.locked')}</span>
        )}
      </th>
      <td>
        <select
          aria-label={t('settings.accounts.roleOf', { username: user.username })}
          value={user.role}
          disabled={self}
          onChange={(e) => onRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`signin.roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{format(user.createdAt)}</td>
      <td>{user.lastSignInAt ? format(user.lastSignInAt) : t('settings.accounts.never')}</td>
      <td>
        {self ? null : confirming ? (
          <span className="settings__row">
            <span>{t('settings.accounts.confirmDelete', { username: user.username })}</span>
            <button type="button" className="btn btn--small" onClick={onDelete}>
              {t('settings.yesDelete')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
              {t('settings.cancel')}
            </button>
          </span>
        ) : (
          <span className="settings__row settings__row--tight">
            <button
              type="button"
              className="btn btn--small"
              aria-label={t(disabled ? 'settings.accounts.enableOf' : 'settings.accounts.disableOf', {
                username: user.username,
              })}
              onClick={() => onDisabled(!disabled)}
            >
              {t(disabled ? 'settings.accounts.enable' : 'settings.accounts.disable')}
            </button>
            {!disabled && (
              <button
                type="button"
                className="btn btn--small"
                aria-label={t('settings.accounts.resetLinkOf', { username: user.username })}
                onClick={onResetLink}
              >
                {t('settings.accounts.resetLink')}
              </button>
            )}
            <button
              type="button"
              className="btn btn--small"
              aria-label={t('settings.accounts.deleteOf', { username: user.username })}
              onClick={() => setConfirming(true)}
            >
              {t('settings.delete')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}
