/** A paragraph of a file matching a search within it (any engine). */
export type FileMatch = {
  paragraphId: string;
  ordinal: number;
  page: number;
  pageEnd: number;
  text: string;
  /** Offsets of the matched words in `text`; add `fileStart` for offsets in the file's full text. */
  highlights: { start: number; end: number }[];
  fileStart: number;
};
