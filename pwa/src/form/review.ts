/**
 * What the review screen lists: exactly the cleaned answers that will be sealed, each with
 * its label, in the form's order, by the rule every surface uses (client/answers.ts); dates,
 * times and points as the resident reads them elsewhere in this app.
 */
import { answerSections, type AnswerSection } from '../../../client/answers.ts';
import type { Answers, FormDefinition } from '../../../schemas/form.ts';
import { formatDay, formatPoint, formatTime } from '../components/format.ts';
import type { Lang } from '../i18n/index.ts';

/** Sections of the review, one per step that has at least one answer, in `lang`. */
export function reviewSections(form: FormDefinition, answers: Answers, districts: ReadonlyMap<string, string>, lang: Lang): AnswerSection[] {
  return answerSections(form, answers, { lang, districts, day: formatDay, clock: formatTime, point: (lat, lon) => formatPoint({ lat, lon }) });
}
