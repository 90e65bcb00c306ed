/** What every field of the editor gets from the form. */
export type FieldProps = {
  /** The id of the field's first input (the label points at it). */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Ids of the hint and the error messages, for aria-describedby. */
  describedBy?: string;
  invalid: boolean;
  required: boolean;
  label: string;
  /** The language being written (translatable fields): sets `lang` and `dir` of the inputs. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
};

/** Removes one element of a list value; an emptied list is no value. */
export const without = <T>(list: T[], index: number): T[] | undefined => {
  const next = list.filter((_, i) => i !== index);
  return next.length ? next : undefined;
};
