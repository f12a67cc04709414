import { channelLabel, type Schedule, stageLabel } from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';

/** Problems a person can fix in the schedule, checked as they type. */
export function scheduleProblems(schedule: Schedule, t: UiTranslator): string[] {
  const problems: string[] = [];
  if (!schedule.every((s, i) => i === 0 || schedule[i - 1]!.offsetDays < s.offsetDays)) {
    problems.push(t('scheduleOrderError'));
  }
  if (!schedule.some((s) => s.enabled)) problems.push(t('scheduleEmptyError'));
  return problems;
}

/** Per stage: days from the due date and on/off. */
export function ScheduleEditor(props: {
  schedule: Schedule;
  t: UiTranslator;
  onSave: (s: Schedule) => Promise<void>;
  readOnly: boolean;
}) {
  const { t } = props;
  const [draft, setDraft] = useState(props.schedule);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(props.schedule), [props.schedule]);
  const problems = scheduleProblems(draft, t);

  const update = (index: number, patch: Partial<Schedule[number]>) => {
    setSaved(false);
    setDraft(draft.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  };

  return (
    <section id="schedule">
      <h2>{t('scheduleTitle')}</h2>
      <p class="help">{t('scheduleHelp')}</p>
      {props.readOnly && <p class="help read-only">{t('readOnlySettings')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.length === 0)
            props.onSave(draft).then(
              () => setSaved(true),
              () => {},
            );
        }}
      >
        <table>
          <thead>
            <tr>
              <th>{t('stage')}</th>
              <th>{t('offsetDays')}</th>
              <th>{t('channels')}</th>
              <th>{t('enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.map((step, index) => (
              <tr data-stage={step.stage}>
                <td>{stageLabel(step.stage, t.lang)}</td>
                <td>
                  <input
                    type="number"
                    name={`offset-${step.stage}`}
                    aria-label={`${t('offsetDays')} — ${stageLabel(step.stage, t.lang)}`}
                    disabled={props.readOnly}
                    value={step.offsetDays}
                    min={-365}
                    max={3650}
                    onInput={(e) => {
                      const n = Number.parseInt((e.currentTarget as HTMLInputElement).value, 10);
                      if (Number.isFinite(n)) update(index, { offsetDays: n });
                    }}
                  />
                </td>
                <td>{step.channel.map((c) => channelLabel(c, t.lang)).join(', ')}</td>
                <td>
                  <input
                    type="checkbox"
                    name={`enabled-${step.stage}`}
                    aria-label={`${t('enabled')} — ${stageLabel(step.stage, t.lang)}`}
                    disabled={props.readOnly}
                    checked={step.enabled}
                    onChange={(e) =>
                      update(index, { enabled: (e.currentTarget as HTMLInputElement).checked })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {problems.map((p) => (
          <p class="error" role="alert">
            {p}
          </p>
        ))}
        <button type="submit" disabled={props.readOnly || problems.length > 0}>
          {t('save')}
        </button>{' '}
        {saved && <span class="saved">{t('saved')}</span>}
      </form>
    </section>
  );
}
