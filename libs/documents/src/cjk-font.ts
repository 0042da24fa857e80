import { existsSync } from 'node:fs';

/** Where Debian's fonts-wqy-microhei puts the font (`npm run infra -- up` installs it when absent). */
export const DEFAULT_CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** The face inside the collection file; PDFKit needs it to pick one font out of a .ttc. */
const DEFAULT_CJK_FONT_FAMILY = 'WenQuanYiMicroHei';

export interface CjkFont {
  file: string;
  /** PostScript name of the face, for font collections (.ttc); omit for a single-face .ttf/.otf. */
  family?: string;
}

/**
 * Checks the CJK font file exists. Documents are legal papers in Chinese: rendering them with a
 * font lacking the glyphs would silently produce empty boxes, so a missing font is an error.
 */
export function locateCjkFont(file = DEFAULT_CJK_FONT_FILE, family?: string): CjkFont {
  if (!existsSync(file)) {
    throw new Error(
      `CJK font file ${file} not found: install it (npm run infra -- up installs fonts-wqy-microhei) ` +
        'or point the font setting (e.g. DOCUMENTS_CJK_FONT_FILE) at a TrueType/OpenType font with Chinese glyphs',
    );
  }
  const collection = file.toLowerCase().endsWith('.ttc');
  return { file, family: family ?? (collection ? DEFAULT_CJK_FONT_FAMILY : undefined) };
}
