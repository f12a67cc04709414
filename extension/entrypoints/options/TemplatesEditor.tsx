import {
  defaultTemplate,
  type Language,
  renderTemplate,
  STAGE_IDS,
  type StageId,
  stageLabel,
  type TeamSettings,
  type Template,
  type TemplateSet,
  templateFor,
  todayLocal,
  validateTemplate,
} from '@relance/shared';
import { useEffect, useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import { sampleReminderContext } from '@/lib/ui/sampleInvoice';

/** The team's templates with `template` set for a stage and language (dropped when it is the default). */
export function withTemplate(
  set: TemplateSet,
  lang: Language,
  stage: StageId,
  template: Template,
): TemplateSet {
  const forLang = { ...(set[lang] ?? {}) };
  const fallback = defaultTemplate(stage, lang);
  if (template.subject === fallback.subject && template.body === fallback.body) delete forLang[stage];
  else forLang[stage] = template;
  return { ...set, [lang]: forLang };
}

/** Per stage and language: subject and body, problems as they type, and a live preview on a sample invoice. */
export function TemplatesEditor(props: {
  settings: TeamSettings;
  t: UiTranslator;
  onSave: (templates: TemplateSet) => Promise<void>;
  readOnly: boolean;
}) {
  const { settings, t } = props;
  const [lang, setLang] = useState<Language>(settings.language);
  const [stage, setStage] = useState<StageId>('reminder-1');
  const [draft, setDraft] = useState<Template>(templateFor(stage, lang, settings.templates));
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setDraft(templateFor(stage, lang, settings.templates));
    setSaved(false);
  }, [stage, lang, settings.templates]);

  const problems = validateTemplate(draft, t.lang);
  let preview: Template | undefined;
  if (problems.length === 0) {
    try {
      preview = renderTemplate(draft, sampleReminderContext(settings, todayLocal()), lang);
    } catch {
      preview = undefined;
    }
  }
  const isCustom = settings.templates[lang]?.[stage] !== undefined;
  const edit = (patch: Partial<Template>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  return (
    <section id="templates">
      <h2>{t('templatesTitle')}</h2>
      <p class="help">{t('templatesHelp')}</p>
      {props.readOnly && <p class="help read-only">{t('readOnlySettings')}</p>}
      <div class="template-pickers">
        <label>
          {t('templateLanguage')}{' '}
          <select
            name="templateLanguage"
            value={lang}
            onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Language)}
          >
            <option value="fr">{t('language.fr')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>{' '}
        <label>
          {t('stage')}{' '}
          <select
            name="templateStage"
            value={stage}
            onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as StageId)}
          >
            {STAGE_IDS.map((s) => (
              <option value={s}>{stageLabel(s, t.lang)}</option>
            ))}
          </select>
        </label>{' '}
        <span class="badge">{isCustom ? t('customTemplate') : t('defaultTemplateNote')}</span>
      </div>
      <div class="template-editor">
        <div>
          <label class="field">
            {t('subject')}
            <input
              name="templateSubject"
              readOnly={props.readOnly}
              type="text"
              value={draft.subject}
              onInput={(e) => edit({ subject: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
          <label class="field">
            {t('body')}
            <textarea
              name="templateBody"
              readOnly={props.readOnly}
              rows={18}
              value={draft.body}
              onInput={(e) => edit({ body: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          </label>
          {problems.map((p) => (
            <p class="error template-problem" role="alert">
              {p.message}
            </p>
          ))}
          <button
            type="button"
            disabled={props.readOnly || problems.length > 0}
            onClick={() =>
              props.onSave(withTemplate(settings.templates, lang, stage, draft)).then(
                () => setSaved(true),
                () => {},
              )
            }
          >
            {t('save')}
          </button>{' '}
          <button type="button" onClick={() => edit(defaultTemplate(stage, lang))}>
            {t('resetTemplate')}
          </button>{' '}
          {saved && <span class="saved">{t('saved')}</span>}
          {problems.length > 0 && <p class="help">{t('templateHasErrors')}</p>}
        </div>
        <div class="preview" data-testid="template-preview">
          <h3>{t('preview')}</h3>
          {preview && (
            <>
              <p class="preview-subject">
                <strong>{preview.subject}</strong>
              </p>
              <pre class="preview-body">{preview.body}</pre>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
