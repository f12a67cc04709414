import {
  defaultTemplate,
  FIELD_LABELS,
  fieldTag,
  fromReadable,
  type Language,
  PLACEHOLDER_HELP,
  PLACEHOLDERS,
  renderTemplate,
  SECTION_LABELS,
  SECTIONS,
  STAGE_IDS,
  type StageId,
  sectionCloseTag,
  sectionOpenTag,
  stageLabel,
  type TeamSettings,
  type Template,
  type TemplateSet,
  templateFor,
  todayLocal,
  toReadable,
  unknownBracketed,
  validateTemplate,
} from '@relance/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UiTranslator } from '@/lib/i18n/words';
import { type PreviewSigner, sampleReminderContext } from '@/lib/ui/sampleInvoice';

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

type Part = 'subject' | 'body';

/**
 * Per stage and language: subject and body, problems as they type, and a live preview on a sample
 * invoice signed by the person. Fields read « [Nom du client] » and are inserted from buttons; the
 * stored template keeps the `{{…}}` syntax (shared/src/templates/readable.ts converts both ways).
 */
export function TemplatesEditor(props: {
  settings: TeamSettings;
  t: UiTranslator;
  onSave: (templates: TemplateSet) => Promise<void>;
  readOnly: boolean;
  signer: PreviewSigner;
}) {
  const { settings, t } = props;
  const ui = t.lang;
  const [lang, setLang] = useState<Language>(settings.language);
  const [stage, setStage] = useState<StageId>('reminder-1');
  const readable = (template: Template): Template => ({
    subject: toReadable(template.subject, ui),
    body: toReadable(template.body, ui),
  });
  const [draft, setDraft] = useState<Template>(readable(templateFor(stage, lang, settings.templates)));
  const [saved, setSaved] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastPart = useRef<Part>('body');
  const caret = useRef<{ part: Part; at: number } | undefined>(undefined);

  useEffect(() => {
    setDraft(readable(templateFor(stage, lang, settings.templates)));
    setSaved(false);
  }, [stage, lang, settings.templates, ui]);

  // After an insertion, the cursor goes right after what was inserted.
  useEffect(() => {
    const c = caret.current;
    if (!c) return;
    caret.current = undefined;
    const el = c.part === 'subject' ? subjectRef.current : bodyRef.current;
    el?.focus();
    el?.setSelectionRange(c.at, c.at);
  }, [draft]);

  const stored: Template = { subject: fromReadable(draft.subject, ui), body: fromReadable(draft.body, ui) };
  const problems = validateTemplate(stored, ui);
  const unknown = unknownBracketed(`${draft.subject}\n${draft.body}`, ui);
  let preview: Template | undefined;
  if (problems.length === 0) {
    try {
      preview = renderTemplate(stored, sampleReminderContext(settings, todayLocal(), props.signer), lang);
    } catch {
      preview = undefined;
    }
  }
  const isCustom = settings.templates[lang]?.[stage] !== undefined;
  const edit = (patch: Partial<Template>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  /** Puts `before` at the cursor of the last field used (around the selection when `after` is given). */
  const insert = (before: string, after = '') => {
    const part = lastPart.current;
    const el = part === 'subject' ? subjectRef.current : bodyRef.current;
    const value = draft[part];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    const selected = value.slice(start, end);
    // After a field; inside a condition, before its end, ready to type the text it keeps.
    caret.current = { part, at: start + before.length + selected.length };
    edit({ [part]: value.slice(0, start) + before + selected + after + value.slice(end) });
  };
  const remember = (part: Part) => () => {
    lastPart.current = part;
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
              <option value={s}>{stageLabel(s, ui)}</option>
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
              ref={subjectRef}
              name="templateSubject"
              readOnly={props.readOnly}
              type="text"
              value={draft.subject}
              onFocus={remember('subject')}
              onInput={(e) => edit({ subject: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
          <label class="field">
            {t('body')}
            <textarea
              ref={bodyRef}
              name="templateBody"
              readOnly={props.readOnly}
              rows={18}
              value={draft.body}
              onFocus={remember('body')}
              onInput={(e) => edit({ body: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          </label>
          {problems.map((p) => (
            <p class="error template-problem" role="alert">
              {toReadable(p.message, ui)}
            </p>
          ))}
          {unknown.length > 0 && (
            <p class="help template-unknown" data-testid="template-unknown">
              {t('templateUnknownFields', { fields: unknown.join(', ') })}
            </p>
          )}
          <button
            type="button"
            disabled={props.readOnly || problems.length > 0}
            onClick={() =>
              props.onSave(withTemplate(settings.templates, lang, stage, stored)).then(
                () => setSaved(true),
                () => {},
              )
            }
          >
            {t('save')}
          </button>{' '}
          <button
            type="button"
            disabled={props.readOnly}
            onClick={() => edit(readable(defaultTemplate(stage, lang)))}
          >
            {t('resetTemplate')}
          </button>{' '}
          {saved && <span class="saved">{t('saved')}</span>}
          {problems.length > 0 && <p class="help">{t('templateHasErrors')}</p>}
          <fieldset class="template-fields" data-testid="template-fields" disabled={props.readOnly}>
            <legend>{t('templateInsertField')}</legend>
            {PLACEHOLDERS.map((name) => (
              <button
                type="button"
                class="chip"
                data-field={name}
                title={PLACEHOLDER_HELP[ui][name]}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(fieldTag(name, ui))}
              >
                {FIELD_LABELS[ui][name]}
              </button>
            ))}
          </fieldset>
          <fieldset class="template-fields" data-testid="template-sections" disabled={props.readOnly}>
            <legend>{t('templateInsertSection')}</legend>
            <p class="help">{t('templateSectionHelp')}</p>
            {SECTIONS.map((name) => (
              <button
                type="button"
                class="chip"
                data-section={name}
                title={PLACEHOLDER_HELP[ui][`#${name}`]}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(sectionOpenTag(name, ui), sectionCloseTag(name, ui))}
              >
                {SECTION_LABELS[ui][name]}
              </button>
            ))}
          </fieldset>
        </div>
        <div class="preview" data-testid="template-preview">
          <h3>{t('preview')}</h3>
          {props.signer.name === fieldTag('sender', ui) && (
            <p class="help" data-testid="preview-unsigned">
              {t('previewUnsigned')}
            </p>
          )}
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
