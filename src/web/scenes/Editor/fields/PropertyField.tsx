import { useTranslation } from 'react-i18next';
import { localLabel } from '../../../../domain/localize.ts';
import type { Property, Thesaurus } from '../../../../domain/schemas/index.ts';
import { ChoiceField } from './ChoiceFields.tsx';
import { MediaField, type PickableFile } from './MediaField.tsx';
import { MultiDateField, MultiDateRangeField } from './MultiDateFields.tsx';
import { RelationshipField } from './RelationshipField.tsx';
import {
  DateField,
  DateRangeField,
  GeneratedIdField,
  GeolocationField,
  LinkField,
  MarkdownField,
  NumberField,
  TextField,
} from './TextFields.tsx';
import type { FieldProps } from './types.ts';

/** Types whose field has several inputs: a fieldset and legend rather than one label. */
const GROUPED = new Set<Property['type']>([
  'daterange',
  'multidate',
  'multidaterange',
  'geolocation',
  'link',
  'media',
  'image',
]);

/** The anchor of a property's field (`#field-status`), which profile sections link to. */
export const fieldAnchor = (name: string) => `field-${name}`;

/**
 * One property of the template as a form field: label (with "required"), the glossary text as its hint, the
 * input of its type, and the API's messages for it under it (aria-describedby, aria-invalid).
 */
export function PropertyField({
  property,
  value,
  onChange,
  errors,
  thesauri,
  titles,
  onTitle,
  lang,
  dir,
  translationNote,
  files,
}: {
  property: Property;
  value: unknown;
  onChange: (v: unknown) => void;
  errors: string[];
  thesauri: Map<string, Thesaurus>;
  titles: Map<string, string>;
  onTitle: (id: string, title: string) => void;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  translationNote?: string;
  /** The entry's files, which a media or image value may point at. */
  files?: PickableFile[];
}) {
  const { t, i18n } = useTranslation();
  const id = fieldAnchor(property.name);
  const label = localLabel(property.label, property.labels, i18n.language).text;
  const hint = property.description
    ? localLabel(property.description, property.descriptions, i18n.language).text
    : undefined;
  const described = [hint && `${id}-hint`, translationNote && `${id}-note`, errors.length && `${id}-errors`]
    .filter(Boolean)
    .join(' ');
  const props: FieldProps = {
    id,
    value,
    onChange,
    describedBy: described || undefined,
    invalid: errors.length > 0,
    required: property.required,
    label,
    lang,
    dir,
  };
  const input = (() => {
    switch (property.type) {
      case 'text':
        return <TextField {...props} />;
      case 'markdown':
        return <MarkdownField {...props} />;
      case 'number':
        return <NumberField {...props} />;
      case 'date':
        return <DateField {...props} />;
      case 'daterange':
        return <DateRangeField {...props} />;
      case 'multidate':
        return <MultiDateField {...props} />;
      case 'multidaterange':
        return <MultiDateRangeField {...props} />;
      case 'select':
      case 'multiselect':
        return (
          <ChoiceField
            {...props}
            thesaurus={thesauri.get(property.thesaurus ?? '')}
            multiple={property.type === 'multiselect'}
          />
        );
      case 'relationship':
        return (
          <RelationshipField
            {...props}
            targetTemplate={property.targetTemplate}
            titles={titles}
            onTitle={onTitle}
          />
        );
      case 'link':
        return <LinkField {...props} />;
      case 'geolocation':
        return <GeolocationField {...props} />;
      case 'image':
      case 'media':
        return <MediaField {...props} kind={property.type} files={files} />;
      case 'generatedId':
        return <GeneratedIdField {...props} />;
    }
  })();
  const heading = (
    <>
      {label}
      {property.required && <span className="efield__required"> {t('editor.required')}</span>}
    </>
  );
  const extra = (
    <>
      {hint && (
        <p id={`${id}-hint`} className="efield__hint">
          {hint}
        </p>
      )}
      {translationNote && (
        <p id={`${id}-note`} className="efield__note">
          {translationNote}
        </p>
      )}
      {input}
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="efield__errors">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </>
  );
  return GROUPED.has(property.type) ? (
    <fieldset className="efield" data-field={property.name} data-invalid={errors.length > 0}>
      <legend className="efield__label">{heading}</legend>
      {extra}
    </fieldset>
  ) : (
    <div className="efield" data-field={property.name} data-invalid={errors.length > 0}>
      <label className="efield__label" htmlFor={id}>
        {heading}
      </label>
      {extra}
    </div>
  );
}
