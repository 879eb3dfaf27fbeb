/**
 * Settings: the language (FR/EN), the phone-privacy choices (quick exit that erases, discreet
 * name: issue Q) and "Effacer toutes les données de l'app".
 */
import { useState } from 'preact/hooks';
import { ChoiceList } from '../components/ChoiceField.tsx';
import { PhoneChoiceBox } from '../components/PhoneChoice.tsx';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { DICTS, lang, LANGS, t, type Lang } from '../i18n/index.ts';
import { chooseDiscreetName } from '../services/identity.ts';
import { restoreLanguage, setLanguage } from '../services/language.ts';
import { readChoice, setChoice } from '../services/phoneChoices.ts';
import { refreshLists } from '../services/reportList.ts';
import { undeliveredCounts, wipeAll } from '../services/storage.ts';

export function Settings() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [confirm, setConfirm] = useState<{ reports: number; answers: number } | null>(null);
  const [wiped, setWiped] = useState(false);
  const [exitErases, setExitErases] = useState(() => readChoice('quickExitErases'));
  const [discreet, setDiscreet] = useState(() => readChoice('discreetName'));
  const s = t.value.settings;
  const ask = async () => setConfirm(await undeliveredCounts().catch(() => ({ reports: 0, answers: 0 })));
  const wipe = async () => {
    await wipeAll();
    restoreLanguage();
    await refreshLists().catch(() => undefined);
    setConfirm(null);
    setWiped(true);
  };
  return (
    <div class="screen settings">
      <h1 tabIndex={-1} ref={heading}>
        {s.title}
      </h1>
      <ChoiceList
        path="language"
        label={{ fr: DICTS.fr.settings.language, en: DICTS.en.settings.language }}
        multiple={false}
        clearable={false}
        options={LANGS.map((l) => ({ value: l, label: DICTS[l].lang.name }))}
        value={lang.value}
        onChange={(v) => typeof v === 'string' && setLanguage(v as Lang)}
      />
      <section aria-labelledby="privacy-heading" class="phone-privacy">
        <h2 id="privacy-heading">{s.privacyHeading}</h2>
        <PhoneChoiceBox
          id="exit-erases"
          label={s.exitErases}
          explain={s.exitErasesExplain}
          stateOn={s.exitErasesOn}
          stateOff={s.exitErasesOff}
          checked={exitErases}
          onChange={(on) => {
            setChoice('quickExitErases', on);
            setExitErases(on);
          }}
        />
        <PhoneChoiceBox
          id="discreet-name"
          label={s.discreetName}
          explain={s.discreetNameExplain}
          stateOn={s.discreetNameOn}
          stateOff={s.discreetNameOff}
          checked={discreet}
          onChange={(on) => {
            chooseDiscreetName(on);
            setDiscreet(on);
          }}
        />
      </section>
      <section aria-labelledby="wipe-heading" class="wipe">
        <h2 id="wipe-heading">{s.wipeHeading}</h2>
        <p>{s.wipeExplain}</p>
        <div role="status">{wiped ? <p class="success">{s.wiped}</p> : null}</div>
        {confirm === null ? (
          <button type="button" class="danger" onClick={() => void ask()}>
            {s.wipe}
          </button>
        ) : (
          <div role="group" aria-labelledby="wipe-confirm">
            <p id="wipe-confirm" class="warning">
              {confirm.reports > 0 ? `${s.wipeUndelivered(confirm.reports)} ` : ''}
              {confirm.answers > 0 ? `${s.wipeUndeliveredAnswers(confirm.answers)} ` : ''}
              {s.wipeConfirm}
            </p>
            <button type="button" class="danger" onClick={() => void wipe()}>
              {s.wipeYes}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirm(null)}>
              {s.wipeNo}
            </button>
          </div>
        )}
      </section>
      <button type="button" class="secondary" onClick={() => go('/')}>
        {t.value.app.backHome}
      </button>
    </div>
  );
}
