import type { ReactNode } from 'react';

/** What a settings field gives its control so that its error and help are read with it. */
export type FieldControl = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * One labelled field of a settings form: the label, the control, then its error (what the admin must act
 * on, so read first) and its help, both tied to the control by `aria-describedby`. Every settings form
 * (site, new thesaurus, a thesaurus's new value) draws its fields with it, so they look and read alike.
 */
export function SettingsField({
  id,
  label,
  error,
  help,
  className,
  children,
}: {
  /** Prefix of the error's and help's element ids: unique on the page. */
  id: string;
  label: ReactNode;
  error?: ReactNode;
  help?: ReactNode;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [error ? errorId : '', help ? helpId : ''].filter(Boolean).join(' ');
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is what `children` draws, inside the label
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      {children({
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error && (
        <span id={errorId} className="settings__error">
          {error}
        </span>
      )}
      {help && (
        <span id={helpId} className="muted settings__help">
          {help}
        </span>
      )}
    </label>
  );
}
