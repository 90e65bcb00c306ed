/**
 * Text of one direction shown inside a sentence of another (an English original quoted in an Arabic note, a
 * Latin file name in an Arabic reason): first-strong isolation, so its punctuation stays with it instead of
 * jumping to the other end.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
