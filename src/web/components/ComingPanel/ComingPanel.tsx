import type { ReactNode } from 'react';

/** A simple "coming soon" panel for routes another part of the project is still building. */
export function ComingPanel({
  title,
  text,
  children,
}: {
  title: string;
  text: string;
  children?: ReactNode;
}) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <div className="panel">
        <p>{text}</p>
        {children}
      </div>
    </div>
  );
}
