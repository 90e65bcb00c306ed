import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../domain/languages.ts';
import { ROLES, type Role, type User } from '../../../domain/schemas/index.ts';
import { useSession } from '../../api/session.ts';
import { useUsers, useUserWrites } from '../../api/settings.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { problemText } from './problem.ts';

/**
 * `/admin/accounts`: every account with its role; add one, change a role, remove one (after a confirmation).
 * The API has no last sign-in, no disabling and no reset link: an admin sets a new password instead.
 */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('settings.nav.accounts'));
  const { data, error, isLoading } = useUsers();
  const me = useSession().data?.user?.id;
  const writes = useUserWrites();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' });
  // Resolves true when the write went through, after saying so (or why not) under the form.
  const report = (p: Promise<unknown>, ok: string) =>
    p.then(
      () => {
        setMessage({ ok: true, text: ok });
        return true;
      },
      (e: unknown) => {
        setMessage({ ok: false, text: problemText(e) });
        return false;
      },
    );
  if (isLoading) return <Loading />;
  if (!data) return <ErrorPanel error={error} />;
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('settings.nav.accounts')}</h2>
      <AddAccount
        onAdd={(input) =>
          report(writes.add.mutateAsync(input), t('settings.accounts.added', { username: input.username }))
        }
      />
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'settings__ok' : 'settings__error'}>
          {message.text}
        </p>
      )}
      <div className="settings__scroll">
        <table className="settings__table">
          <caption>{t('settings.accounts.caption', { count: data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.accounts.username')}</th>
              <th scope="col">{t('settings.accounts.role')}</th>
              <th scope="col">{t('settings.accounts.created')}</th>
              <th scope="col">{t('settings.accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((u) => (
              <AccountRow
                key={u.id}
                user={u}
                self={u.id === me}
                created={date.format(new Date(u.createdAt))}
                onRole={(role) =>
                  report(
                    writes.patch.mutateAsync({ id: u.id, patch: { role } }),
                    t('settings.accounts.roleChanged', {
                      username: u.username,
                      role: t(`signin.roles.${role}`),
                    }),
                  )
                }
                onDelete={() =>
                  report(
                    writes.remove.mutateAsync(u.id),
                    t('settings.accounts.deleted', { username: u.username }),
                  )
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('settings.accounts.notOffered')}</p>
    </section>
  );
}

function AddAccount({
  onAdd,
}: {
  onAdd: (input: { username: string; password: string; role: Role }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (await onAdd({ username, password, role })) {
      setUsername('');
      setPassword('');
    }
    setBusy(false);
  };
  return (
    <form className="panel settings__add" onSubmit={submit} aria-labelledby="add-account">
      <h3 id="add-account">{t('settings.accounts.add')}</h3>
      <label className="field">
        <span>{t('settings.accounts.username')}</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required />
      </label>
      <label className="field">
        <span>{t('settings.accounts.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`signin.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.accounts.password')}</span>
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          minLength={10}
          required
        />
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('settings.accounts.create')}
      </button>
    </form>
  );
}

function AccountRow({
  user,
  self,
  created,
  onRole,
  onDelete,
}: {
  user: User;
  self: boolean;
  created: string;
  onRole: (role: Role) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">
        {user.username}
        {self && <span className="muted"> {t('settings.accounts.you')}</span>}
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
      <td>{created}</td>
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
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('settings.accounts.deleteOf', { username: user.username })}
            onClick={() => setConfirming(true)}
          >
            {t('settings.delete')}
          </button>
        )}
      </td>
    </tr>
  );
}
