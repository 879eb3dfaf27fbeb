/**
 * The two faces the app can show the phone (issue Q): its own, and a discreet one
 * ("Mémo") for residents who fear a look at their home screen or task switcher. Used by
 * the build (the second web app manifest and its icons, pwa/scripts/discreet.ts) and by the
 * page (services/identity.ts switches title, manifest link, theme colour and icons). Plain
 * data: no DOM, so Node can import it.
 */
export interface AppIdentity {
  /** `document.title`: what the task switcher and the tab show. */
  title: string;
  /** The `<link rel="manifest">` this face points to. */
  manifest: string;
  /** `<meta name="theme-color">`: the colour of the status bar and the switcher's card. */
  themeColor: string;
  /** `<link rel="icon">` and `<link rel="apple-touch-icon">`. */
  icon: string;
  /** `<meta name="description">`. */
  description: string;
}

/** What index.html says at first paint (pwa/src/identity.node.test.ts keeps them equal). */
export const STANDARD_IDENTITY: AppIdentity = {
  title: 'Stop Deal',
  manifest: '/manifest.webmanifest',
  themeColor: '#12355b',
  icon: '/icons/icon-192.png',
  description: 'Signaler anonymement un trafic de drogue à la police. Le signalement est chiffré sur votre téléphone.',
};

/** The discreet face: a neutral notes app. Its manifest keeps the same id, scope and start_url. */
export const DISCREET_IDENTITY: AppIdentity = {
  title: 'Mémo',
  manifest: '/memo.webmanifest',
  themeColor: '#56616b',
  icon: '/icons/memo-192.png',
  description: 'Mémo',
};
