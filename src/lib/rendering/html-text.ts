/**
 * Plain text as HTML that shows exactly that text. For outputs that carry
 * HTML inside another format: an RSS description is HTML, so a summary put
 * there unescaped would be live markup in every feed reader (the XML writer
 * escapes once more, for XML).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const htmlText = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
