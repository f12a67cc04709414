import type { Language } from '../../schemas/common';
import type { Template, TemplateSet } from '../../schemas/settings';
import type { StageId } from '../../schemas/stage';
import { ENGLISH_TEMPLATES } from './en';
import { FRENCH_TEMPLATES } from './fr';

export const DEFAULT_TEMPLATES: Record<Language, Record<StageId, Template>> = {
  fr: FRENCH_TEMPLATES,
  en: ENGLISH_TEMPLATES,
};

/** The template shipped for a stage and language. */
export function defaultTemplate(stage: StageId, lang: Language): Template {
  return DEFAULT_TEMPLATES[lang][stage];
}

/** The team's own template for a stage and language when it has one (`TeamSettings.templates`), else the default. */
export function templateFor(stage: StageId, lang: Language, overrides: TemplateSet = {}): Template {
  return overrides[lang]?.[stage] ?? defaultTemplate(stage, lang);
}
