/**
 * Optional JSON columns of labels in other languages (decision 31): NULL when there are none, so rows and
 * archives written before them read back the same.
 */
export function labelsToColumn(value: Record<string, unknown> | undefined): string | null {
  return value && Object.keys(value).length > 0 ? JSON.stringify(value) : null;
}

/** The labels a column holds, or undefined (absent from the record) when NULL. */
export function labelsFromColumn<T>(column: string | null | undefined): T | undefined {
  return column ? (JSON.parse(column) as T) : undefined;
}

/** `{key: value}` when the value is present, else `{}`: spread into a record so an absent field stays absent. */
export const optional = <K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
