/**
 * Type-level test of the key roles (schemas/keys.ts): every mix-up below must NOT compile.
 * `npm run typecheck` checks this file (tsconfig.node.json includes crypto/); each
 * `@ts-expect-error` fails the type check if its line ever compiles, so a brand that stops
 * telling two roles apart is caught. Nothing here runs: the function is never called.
 * The lines without the marker show that the right role is accepted, so the errors below are
 * the mix-ups and nothing else.
 */
import type { KeyringInner, OfficerKeyEntry, PoliceKeyPairEntry, UnitKeyPairEntry } from '../schemas/keyring.ts';
import type { Kid, OfficerId, OfficerPublicKey, OfficerSecretKey, PolicePublicKey, PoliceSecretKey, UnitPublicKey } from '../schemas/keys.ts';
import type { ReportPlaintextInput } from '../schemas/report.ts';
import type { CaseEventBodyInput } from '../schemas/caseFile.ts';
import type { DossierBodyInput } from '../schemas/dossier.ts';
import { kidOf, officerIdOf, openDossier, openGrant, openReport, sealCaseEvent, sealDossier, sealGrant, sealReport, signRequest } from './index.ts';

export async function keyRoleMixUpsDoNotCompile(
  police: PoliceKeyPairEntry,
  officer: OfficerKeyEntry,
  unit: UnitKeyPairEntry,
  report: ReportPlaintextInput,
  event: CaseEventBodyInput,
  dossier: DossierBodyInput,
  text: string,
): Promise<void> {
  const item = { id: 'x', kid: police.kid, sealed: '' };

  // Sealing a report: to a police key, and only to one.
  await sealReport(report, police);
  // @ts-expect-error an officer's public key is not a police key
  await sealReport(report, { kid: police.kid, publicKey: officer.publicKey });
  // @ts-expect-error a unit's public key is not a police key
  await sealReport(report, { kid: police.kid, publicKey: unit.publicKey });
  // @ts-expect-error a police secret key is not its public key
  await sealReport(report, { kid: police.kid, publicKey: police.secretKey });
  // @ts-expect-error an unparsed string is no police key: parse it (schemas/keys.ts) first
  await sealReport(report, { kid: police.kid, publicKey: text });
  // @ts-expect-error an officerId is not a kid
  await sealReport(report, { kid: officer.officerId, publicKey: police.publicKey });

  // Opening reports: with police keys, not a unit's.
  await openReport(item, [police]);
  // @ts-expect-error unit keys do not open reports
  await openReport(item, [unit]);

  // Identifiers: a kid of an X25519 key, an officerId of an officer's key; one hash, two roles.
  const kid: Kid = await kidOf(police.publicKey);
  const unitKid: Kid = await kidOf(unit.publicKey);
  const officerId: OfficerId = await officerIdOf(officer.publicKey);
  // @ts-expect-error an officer key has an officerId, not a kid
  await kidOf(officer.publicKey);
  // @ts-expect-error a police key has a kid, not an officerId
  await officerIdOf(police.publicKey);
  // @ts-expect-error a kid is not an officerId
  const notAnOfficer: OfficerId = kid;
  // @ts-expect-error an officerId is not a kid
  const notAKid: Kid = officerId;
  // @ts-expect-error a plain string is not a kid until parsed
  const unparsedKid: Kid = text;

  // Request signatures: an officer's secret key, nobody else's.
  await signRequest({ method: 'GET', target: '/', officer });
  // @ts-expect-error a police secret key does not sign requests
  await signRequest({ method: 'GET', target: '/', officer: { officerId: officer.officerId, secretKey: police.secretKey } });
  // @ts-expect-error a kid does not name an officer
  await signRequest({ method: 'GET', target: '/', officer: { officerId: police.kid, secretKey: officer.secretKey } });

  // Key grants: sealed to an officer's public key, opened with the officer's own pair.
  await sealGrant({ v: 1, police: [police] }, officer.publicKey);
  await openGrant('', officer);
  // @ts-expect-error grants are sealed to an officer key, not a police key
  await sealGrant({ v: 1, police: [police] }, police.publicKey);
  // @ts-expect-error a police key pair is not an officer's
  await openGrant('', { publicKey: police.publicKey, secretKey: police.secretKey });

  // Case events: signed by an officer, sealed to the police key.
  await sealCaseEvent(event, officer, police);
  // @ts-expect-error case events are sealed to a police key, not a unit's
  await sealCaseEvent(event, officer, unit);

  // Dossiers: sealed to a unit key, opened with the unit's keys.
  await sealDossier(dossier, officer, unit);
  await openDossier({}, [unit]);
  // @ts-expect-error a dossier is sealed to a unit key, not a police key
  await sealDossier(dossier, officer, police);
  // @ts-expect-error police keys are not a unit's keys (read a unit keyring with `unitKeysOf`)
  await openDossier({}, [police]);
  const inner = {} as KeyringInner;
  // @ts-expect-error a keyring's `police` list is police keys until read as a unit's
  await openDossier({}, inner.police);

  // Secret and public halves, and the two officer halves, stay apart.
  // @ts-expect-error an officer secret key is not an officer public key
  const notPublic: OfficerPublicKey = officer.secretKey;
  // @ts-expect-error a police secret key is not an officer secret key
  const notOfficerSecret: OfficerSecretKey = police.secretKey;
  // @ts-expect-error a unit public key is not a police public key
  const notPolice: PolicePublicKey = unit.publicKey;
  // @ts-expect-error a police public key is not a unit public key
  const notUnit: UnitPublicKey = police.publicKey;
  // @ts-expect-error a police public key is not a police secret key
  const notSecret: PoliceSecretKey = police.publicKey;

  // Every branded value is still a string where a string is wanted (JSON, display, comparison).
  const shown: string[] = [kid, unitKid, officerId, police.publicKey, officer.publicKey, unit.publicKey];
  void [shown, notAnOfficer, notAKid, unparsedKid, notPublic, notOfficerSecret, notPolice, notUnit, notSecret];
}
