/**
 * Several documents of one layout and one frame (a class's 学籍卡) as one
 * PDF, each starting on a new page: one definition renders far faster than
 * fifty, and the clerk prints one file. Page settings, styles, header and
 * footer come from the first document; their frames are the same.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

export function oneDocument(definitions: readonly TDocumentDefinitions[]): TDocumentDefinitions {
  const [first] = definitions;
  if (!first) throw new Error('oneDocument needs at least one document');
  const images: Record<string, unknown> = {};
  for (const definition of definitions) {
    for (const [name, image] of Object.entries(definition.images ?? {})) {
      // Layouts put pictures inline (data URLs); a shared name would show one student's photo on another's card.
      if (name in images && images[name] !== image) throw new Error(`image name ${name} differs between documents`);
      images[name] = image;
    }
  }
  const content: Content[] = definitions.map((definition, index) => ({
    stack: Array.isArray(definition.content) ? definition.content : [definition.content],
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
  }));
  return {
    ...first,
    ...(Object.keys(images).length > 0 ? { images: images as TDocumentDefinitions['images'] } : {}),
    content,
  };
}
