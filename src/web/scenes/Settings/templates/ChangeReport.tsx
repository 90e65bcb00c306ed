import { useTranslation } from 'react-i18next';
import type { TemplateCheck } from '../../../../domain/schemas/index.ts';

/** What a template change would do to stored values, property by property, before the admin confirms. */
export function ChangeReport({ check }: { check: TemplateCheck }) {
  const { t } = useTranslation();
  const shown = check.changes.filter((c) => c.withValue > 0);
  return (
    <div className="panel panel--notice settings__report" role="alert" aria-labelledby="change-report">
      <h4 id="change-report">{t('settings.templates.report.title', { n: check.entities })}</h4>
      <ul>
        {shown.map((c) => (
          <li key={c.property}>
            {c.change === 'removed'
              ? t('settings.templates.report.removed', { name: c.label, n: c.withValue })
              : t('settings.templates.report.changed', {
                  name: c.label,
                  from: c.change === 'type' ? t(`settings.templates.types.${c.from}`) : c.from,
                  to: c.change === 'type' ? t(`settings.templates.types.${c.to}`) : (c.to ?? ''),
                  n: c.withValue,
                  lost: c.wouldNotConvert,
                })}
            {c.examples.length > 0 && (
              <span className="muted">
                {' '}
                {t('settings.templates.report.examples', {
                  list: c.examples.map((x) => `${x.title}: ${JSON.stringify(x.value)}`).join('; '),
                })}
              </span>
            )}
          </li>
        ))}
        {check.missingRequired.map((m) => (
          <li key={`required-${m.property}`}>
            {t('settings.templates.report.missingRequired', { name: m.label, n: m.count })}
          </li>
        ))}
      </ul>
    </div>
  );
}
