/** Settings: the language (FR/EN) and "Effacer toutes les données de l'app". */
import { useState } from 'preact/hooks';
import { ChoiceList } from '../components/ChoiceField.tsx';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { DICTS, lang, LANGS, t, type Lang } from '../i18n/index.ts';
import { restoreLanguage, setLanguage } from '../services/language.ts';
import { refreshLists } from '../services/reportList.ts';
import { undeliveredCounts, wipeAll } from '../services/storage.ts';

export function Settings() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [confirm, setConfirm] = useState<{ reports: number; answers: number } | null>(null);
  const [wiped, setWiped] = useState(false);
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
