import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useSignIn } from '../../api/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import './SignIn.css';

/** `/signin?next=…`: editors and collaborators sign in, then return to the page they came from. */
export default function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signin.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { username, password },
      // Only paths of this site: a crafted ?next= must not send a fresh session elsewhere.
      { onSuccess: () => navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/') },
    );
  };
  const status = signIn.error instanceof ApiError ? signIn.error.status : null;
  // The reader's language, not the server's English: wrong credentials, a lockout, or any other failure.
  const error = !signIn.error
    ? null
    : status === 401
      ? t('signin.wrong')
      : status === 403
        ? t('signin.disabled')
        : status === 429
          ? t('signin.tooMany')
          : status !== null
            ? t('status.serverError', { status })
            : t('status.offline');
  return (
    <div className="page">
      <form className="panel signin" onSubmit={submit}>
        <h1>{t('signin.title')}</h1>
        <label className="field">
          <span>{t('signin.username')}</span>
          <input
            autoComplete="username"
            // Names are usually Latin: typed left to right in an Arabic form too.
            dir="auto"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('signin.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="signin__error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={signIn.isPending}>
          {t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
