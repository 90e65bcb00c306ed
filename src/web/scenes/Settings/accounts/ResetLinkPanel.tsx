import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordResetLink } from '../../../../domain/schemas/index.ts';
import { resetLinkUrl } from '../../../api/accounts.ts';

/**
 * A reset link just issued, shown once to the admin to hand over (the server keeps only its hash): the
 * address in a read-only field, selected and focused so it can be copied at once, a Copy button, the expiry.
 */
export function ResetLinkPanel({
  link,
  expires,
  onClose,
}: {
  link: PasswordResetLink;
  expires: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const url = resetLinkUrl(link.token, i18n.language);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (an insecure origin): the address stays selected for the keyboard.
      field.current?.select();
    }
  };
  return (
    <section className="panel settings__reset" aria-labelledby="reset-link-title">
      <h3 id="reset-link-title">{t('settings.accounts.resetLinkFor', { username: link.username })}</h3>
      <p>{t('settings.accounts.resetLinkHelp', { expires })}</p>
      <label className="field">
        <span>{t('settings.accounts.resetLinkLabel')}</span>
        <input ref={field} readOnly value={url} data-testid="reset-link" />
      </label>
      <div className="settings__row">
        <button type="button" className="btn btn--small" onClick={copy}>
          {t('settings.accounts.copy')}
        </button>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('settings.accounts.done')}
        </button>
        {copied && (
          <span role="status" className="settings__ok">
            {t('settings.accounts.copied')}
          </span>
        )}
      </div>
    </section>
  );
}
