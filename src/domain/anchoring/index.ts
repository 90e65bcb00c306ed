export { type ApproximateMatch, searchApproximate } from './approximate-search.ts';
export { CONTEXT_LENGTH, describeAnchor } from './describe-anchor.ts';
export { PARAGRAPH_SEPARATOR, rectsForRange, sliceFileText, type TextBlock } from './file-text.ts';
export {
  type AnchorMethod,
  type AnchorSelectors,
  createAnchorResolver,
  maxQuoteErrors,
  type ResolvedAnchor,
  resolveAnchor,
} from './resolve-anchor.ts';
