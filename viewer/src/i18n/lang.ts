/** The viewer's languages: French first, English second (STYLE "In this project"). */
export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

/** BCP 47 locale used for dates and numbers in each language. */
export const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
