/**
 * The ISO 3166-1 numeric code the map draws a state by, read from the State template's property the site
 * settings name (`isoNumericProperty`; decision 58): three digits, zero-padded ("4" and 4 are "004"). Empty
 * when the settings name no property or the state has no code: such a state is in the lists, not on the map.
 */
export function stateIsoCode(metadata: Record<string, unknown>, property: string): string {
  if (!property) return '';
  const value = metadata[property];
  const code = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return code ? code.padStart(3, '0') : '';
}
