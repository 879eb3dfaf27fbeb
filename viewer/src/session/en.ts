/**
 * The viewer's English text for unlocking, the settings and the idle lock, and the live channel's
 * status: the same keys as `fr.ts` beside it.
 */
import type { SessionMessages } from './fr.ts';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const enSession: SessionMessages = {
  unlockTitle: 'Unlock',
  unlockIntro: 'Reports are encrypted. They are decrypted only on this workstation, in memory, once your keyring is unlocked with its passphrase.',
  keyringHeading: '1. Your keyring',
  storedKeyring: (name, savedAt) => `Keyring stored on this workstation: “${name}” (saved on ${savedAt}).`,
  useStoredKeyring: 'Use the stored keyring',
  forgetStoredKeyring: 'Forget this keyring',
  forgottenKeyring: 'This workstation has forgotten the stored keyring.',
  chooseKeyringFile: 'Choose a keyring file',
  chooseOtherKeyringFile: 'Or choose another keyring file',
  dropKeyringHere: 'Or drop the keyring file here.',
  dropZoneLabel: 'Drop zone for the keyring file',
  chosenKeyring: (name) => `Chosen keyring: “${name}”.`,
  noKeyringYet: 'No keyring chosen.',
  rememberKeyring: 'Keep this keyring on this workstation for next time (it stays encrypted by the passphrase)',
  passphraseHeading: '2. Passphrase',
  passphraseLabel: 'Keyring passphrase',
  showPassphrase: 'Show the passphrase',
  unlockButton: 'Unlock',
  unlocking: 'Unlocking…',
  unlockingHelp: 'This takes a few seconds: the computation is slow on purpose, to resist attacks.',
  needKeyring: 'Choose a keyring file first.',
  needPassphrase: 'Enter the passphrase.',

  keyringFileProblem: (kind, field) => {
    switch (kind) {
      case 'too-large':
        return 'This file is far too large to be a Stop Deal keyring.';
      case 'not-json':
        return 'This file is not a Stop Deal keyring: it is not a JSON file.';
      case 'not-keyring':
        return 'This file is not a Stop Deal keyring.';
      case 'field':
        return `This keyring is invalid: the field “${field ?? '?'}” is missing or wrong.`;
    }
  },
  unlockFailure: (reason) => {
    switch (reason) {
      case 'wrong-passphrase':
        return 'Wrong passphrase. Check it (dashes, capitals) and try again.';
      case 'damaged':
        return 'This keyring is damaged: its decrypted content is not a valid keyring.';
      case 'no-police-keys':
        return 'This keyring holds no police key: it cannot open any report.';
      case 'no-officer-key':
        return 'This keyring holds no officer key: it cannot sign requests to the server, so it cannot fetch reports. Use the keyring of an enrolled officer.';
      case 'crypto-unavailable':
        return 'The encryption module could not start in this browser.';
    }
  },
  technicalDetail: (detail) => `Technical detail: ${detail}`,
  liveStatus: (s) =>
    ({
      off: '',
      connecting: 'Connecting to live updates…',
      live: 'Live: new messages and reports appear at once.',
      down: 'Live updates unavailable: checking again every 10 seconds.',
    })[s],

  settingsTitle: 'Settings',
  settingsIntro: 'These settings stay on this workstation. They say nothing about any report.',
  nameHeading: 'Your name',
  nameLabel: 'Name shown to other officers',
  nameHint: 'For example “Sergeant Martin”. It comes with your changes to case files; colleagues also see your key’s fingerprint, which alone proves it is you.',
  nameSave: 'Save name',
  nameSaved: (name) => (name ? `Name saved: ${name}.` : 'Name cleared: you appear by your key’s fingerprint.'),
  myKeyHeading: 'Your officer key',
  myFingerprint: (fp) => `Fingerprint: ${fp}`,
  myRole: (role) => (role === 'admin' ? 'Role: administrator' : role === 'officer' ? 'Role: officer' : 'Role: unknown (server unreachable)'),
  idleHeading: 'Automatic lock',
  idleLabel: 'Lock after (minutes without activity)',
  idleHint: (def) => `${def} minutes by default. A countdown shows 30 seconds before. The “Lock” button works at any time.`,
  idleSave: 'Save delay',
  idleSaved: (minutes) => `Delay saved: ${minutes} min.`,
  idleInvalid: (min, max) => `Give a number of minutes between ${min} and ${max}.`,
  unitsHeading: 'Saved investigator units',
  unitsNone: 'No unit saved. You can add one when forwarding a dossier.',
  unitsHint: 'Name and public key only, kept on this workstation for the next forwardings.',
  unitRemove: (name) => `Remove the unit “${name}”`,
  unitLine: (name, fp) => `${name} — fingerprint ${fp}`,

  idleWarningTitle: 'Locking soon',
  idleWarningText: (seconds) => `Without activity, the viewer locks in ${seconds} ${plural(seconds, 'second', 'seconds')}.`,
  idleStay: 'Stay signed in',
};
