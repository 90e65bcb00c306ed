import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../domain/languages.ts';
import { type PasswordResetLink, ROLES, type Role } from '../../../domain/schemas/index.ts';
import { useUsers, useUserWrites } from '../../api/accounts.ts';
import { useSession } from '../../api/session.ts';
import { ErrorPanel } from '../../components/Status/ErrorPanel.tsx';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { AccountRow } from './accounts/AccountRow.tsx';
import { ResetLinkPanel } from './accounts/ResetLinkPanel.tsx';
import { problemText } from './problem.ts';
import './admin.css';

/**
 * `/admin/accounts`: every account with its role, last sign-in and marks (disabled, no password yet,
 * locked); add one, change a role, disable or enable one, issue a one-time reset link (shown once, to hand
 * over), remove one (after a confirmation).
 */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('settings.nav.accounts'));
  const { data, error, isLoading } = useUsers();
  const me = useSession().data?.user?.id;
  const writes = useUserWrites();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<PasswordResetLink | null>(null);
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
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
      {link && (
        <ResetLinkPanel
          link={link}
          expires={dateTime.format(new Date(link.expiresAt))}
          onClose={() => setLink(null)}
        />
      )}
      <div className="settings__scroll">
        <table className="settings__table">
          <caption>{t('settings.accounts.caption', { count: data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.accounts.username')}</th>
              <th scope="col">{t('settings.accounts.role')}</th>
              <th scope="col">{t('settings.accounts.created')}</th>
              <th scope="col">{t('settings.accounts.lastSignIn')}</th>
              <th scope="col">{t('settings.accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((u) => (
              <AccountRow
                key={u.id}
                user={u}
                self={u.id === me}
                format={(iso) => (iso === u.createdAt ? date : dateTime).format(new Date(iso))}
                onRole={(role) =>
                  report(
                    writes.patch.mutateAsync({ id: u.id, patch: { role } }),
                    t('settings.accounts.roleChanged', {
                      username: u.username,
                      role: t(`signin.roles.${role}`),
                    }),
                  )
                }
                onDisabled={(disabled) =>
                  report(
                    writes.patch.mutateAsync({ id: u.id, patch: { disabled } }),
                    t(disabled ? 'settings.accounts.disabled' : 'settings.accounts.enabled', {
                      username: u.username,
                    }),
                  )
                }
                onResetLink={() =>
                  writes.resetLink.mutateAsync(u.id).then(
                    (issued) => {
                      setMessage(null);
                      setLink(issued);
                    },
                    (e: unknown) => setMessage({ ok: false, text: problemText(e) }),
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
