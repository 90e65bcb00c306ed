import { type ReactNode, useState } from 'react';
import './GlossaryTip.css';

/**
 * Shows a glossary definition while its trigger is hovered or focused (WAI-ARIA tooltip pattern):
 * the trigger gets `aria-describedby`, Escape hides the tip without moving focus.
 */
export function GlossaryTip({
  id,
  text,
  children,
}: {
  id: string;
  text: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const [isOpen, setOpen] = useState(false);
  if (!text) return <>{children(undefined)}</>;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only listens; the child is the control.
    <span
      className="gtip"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && isOpen) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {children(id)}
      <span id={id} role="tooltip" className="gtip__tip" data-open={isOpen ? 'true' : 'false'}>
        {text}
      </span>
    </span>
  );
}
