import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { intlLocale } from '../../../domain/languages.ts';
import { useResetLinkStatus, useResetPassword } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { Loading } from '../../components/Status/Loading.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import '../SignIn/SignIn.css';

/**
 * `/reset-password#<token>`: the page of a one-time link an admin handed over. It says for which account
 * and until when the link works, asks for the new password twice, and then sends to sign in. The token is
 * read from the fragment (never sent to the server in a URL) and dropped from the address bar at once.
 */
export default function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('resetPassword.title'));
  const { hash } = useLocation();
  const [token] = useState(() => hash.replace(/^#/, ''));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const status = useResetLinkStatus(token);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== again);
    if (password === again) reset.mutate({ token, password });
  };
  const dead = !token || (status.error instanceof ApiError && status.error.status === 404);
  const failure = reset.error instanceof ApiError ? reset.error : null;
  return (
    <div className="page">
      <div className="panel signin">
        <h1>{t('resetPassword.title')}</h1>
        {reset.isSuccess ? (
          <>
            <p role="status">{t('resetPassword.done', { username: reset.data.username })}</p>
            <Link className="btn btn--primary" to="/signin">
              {t('resetPassword.signIn')}
            </Link>
          </>
        ) : dead ? (
          <p role="alert" className="signin__error">
            {t('resetPassword.dead')}
          </p>
        ) : status.isLoading ? (
          <Loading />
        ) : status.data ? (
          <form onSubmit={submit}>
            <p>
              {t('resetPassword.for', {
                username: status.data.username,
                expires: new Intl.DateTimeFormat(intlLocale(i18n.language), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(status.data.expiresAt)),
              })}
            </p>
            {/* Lets a password manager file the new password under the right account. */}
            <input type="hidden" autoComplete="username" value={status.data.username} readOnly />
            <label className="field">
              <span>{t('resetPassword.password')}</span>
              <input
                type="password"
                autoComplete="new-password"
                minLength={10}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </label>
            <label className="field">
              <span>{t('resetPassword.again')}</span>
              <input
                type="password"
                autoComplete="new-password"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
                required
              />
            </label>
            {(mismatch || failure) && (
              <p role="alert" className="signin__error">
                {mismatch
                  ? t('resetPassword.mismatch')
                  : failure?.status === 404
                    ? t('resetPassword.dead')
                    : failure?.status === 400
                      ? t('resetPassword.tooShort')
                      : t('status.serverError', { status: failure?.status })}
              </p>
            )}
            <button type="submit" className="btn btn--primary" disabled={reset.isPending}>
              {t('resetPassword.submit')}
            </button>
          </form>
        ) : (
          <p role="alert" className="signin__error">
            {t('status.offline')}
          </p>
        )}
      </div>
    </div>
  );
}
