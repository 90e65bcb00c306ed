/** A title offered by a picker's autocomplete (any engine). */
export type TitleSuggestion = { id: string; title: string; template: string };
