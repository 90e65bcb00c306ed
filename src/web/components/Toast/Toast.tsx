import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './Toast.css';

type ToastMessage = { text: string; action?: { label: string; run: () => void } };
const ToastContext = createContext<(m: ToastMessage) => void>(() => {});

/** Shows a short message (with an optional action such as Undo) to whoever calls it. */
export const useToast = () => useContext(ToastContext);

const SHOWN_MS = 12_000;

/**
 * One message at a time in a polite live region, long enough to reach its Undo button by keyboard; it stays
 * while the pointer or focus is on it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [held, setHeld] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const show = useCallback((m: ToastMessage) => setMessage(m), []);
  useEffect(() => {
    clearTimeout(timer.current);
    if (message && !held) timer.current = setTimeout(() => setMessage(null), SHOWN_MS);
    return () => clearTimeout(timer.current);
  }, [message, held]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        className="toast"
        role="status"
        aria-live="polite"
        onMouseEnter={() => setHeld(true)}
        onMouseLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
      >
        {message && (
          <div className="toast__box">
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => {
                  message.action?.run();
                  setMessage(null);
                }}
              >
                {message.action.label}
              </button>
            )}
            <button type="button" className="toast__close" onClick={() => setMessage(null)}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t('status.dismiss')}</span>
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
