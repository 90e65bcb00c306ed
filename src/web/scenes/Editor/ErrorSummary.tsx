import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

/** What stopped a save, at the top of the form: the message and each field's errors, each a way to the field. */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  {
    message: string | null;
    errors: Map<string, string[]>;
    nameOf: (field: string) => string;
    onGo: (field: string) => void;
  }
>(function ErrorSummary({ message, errors, nameOf, onGo }, ref) {
  const { t } = useTranslation();
  return (
    <div ref={ref} tabIndex={-1} className="esummary" role="alert" hidden={!message}>
      {message && <p className="esummary__title">{message}</p>}
      {errors.size > 0 && (
        <ul>
          {[...errors].map(([field, messages]) => (
            <li key={field}>
              <button type="button" className="esummary__link" onClick={() => onGo(field)}>
                {/* The API's messages already start with the property's label ("Sources (link): …"). */}
                {messages.every((m) => m.startsWith(nameOf(field)))
                  ? messages.join('; ')
                  : t('editor.goToField', { field: nameOf(field), message: messages.join('; ') })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
